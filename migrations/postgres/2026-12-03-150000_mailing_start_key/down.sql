DROP INDEX mailings_start_key;
ALTER TABLE mailings DROP COLUMN start_key;
