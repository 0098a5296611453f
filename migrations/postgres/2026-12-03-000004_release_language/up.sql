-- The language a release is written in: the words the product adds
-- around it (greeting, embargo mark, headings, footer) follow it.
ALTER TABLE press_releases ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
