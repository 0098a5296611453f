-- The one-time key of the form that started a mailing: the same form sent
-- twice (a double click, a retry after no answer, the back button) finds
-- the mailing it started instead of starting a second one.
ALTER TABLE mailings ADD COLUMN start_key TEXT;
CREATE UNIQUE INDEX mailings_start_key ON mailings (coalition_id, start_key);
