ALTER TABLE coalitions DROP COLUMN time_zone;
ALTER TABLE coalitions DROP COLUMN language;
