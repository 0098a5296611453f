-- The language a coordinator chose for their pages; NULL follows the
-- browser's Accept-Language.
ALTER TABLE coordinators ADD COLUMN language TEXT;
