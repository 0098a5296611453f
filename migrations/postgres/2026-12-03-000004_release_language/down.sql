ALTER TABLE press_releases DROP COLUMN language;
