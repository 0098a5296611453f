-- The folded text that search compares (see text::search_fold); filled
-- from the stored fields at start for the rows that are here already,
-- because SQL cannot fold Unicode.
ALTER TABLE signatures ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
-- A substring LIKE cannot seek in a B-tree, but with the key in the index
-- the scan of one statement's (or coalition's) rows reads the index alone
-- and fetches only the rows that match.
CREATE INDEX signatures_search ON signatures (statement_id, search_key);
CREATE INDEX contacts_search ON contacts (coalition_id, search_key);
-- The rows still to fill, found without a scan at every start.
CREATE INDEX signatures_unkeyed ON signatures (id) WHERE search_key = '';
CREATE INDEX contacts_unkeyed ON contacts (id) WHERE search_key = '';
