-- The folded text that search compares (see text::search_fold); filled
-- from the stored fields at start for the rows that are here already,
-- because SQL cannot fold Unicode.
ALTER TABLE signatures ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
-- The rows still to fill, found without a scan at every start.
CREATE INDEX signatures_unkeyed ON signatures (id) WHERE search_key = '';
CREATE INDEX contacts_unkeyed ON contacts (id) WHERE search_key = '';
-- A substring LIKE is served by a trigram index. pg_trgm ships with
-- PostgreSQL's contrib and is a trusted extension (the database owner may
-- create it), but a server may lack it or the right to create it: then the
-- search reads the statement's (or coalition's) rows, which is correct,
-- only slower, and the migration still applies.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX signatures_search ON signatures USING gin (search_key gin_trgm_ops);
    CREATE INDEX contacts_search ON contacts USING gin (search_key gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'search keys are not indexed, pg_trgm is not available: %', SQLERRM;
END
$$;
