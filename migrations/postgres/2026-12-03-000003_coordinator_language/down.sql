ALTER TABLE coordinators DROP COLUMN language;
