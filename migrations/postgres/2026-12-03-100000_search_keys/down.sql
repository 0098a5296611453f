DROP INDEX IF EXISTS contacts_search;
DROP INDEX IF EXISTS signatures_search;
DROP INDEX contacts_unkeyed;
DROP INDEX signatures_unkeyed;
ALTER TABLE contacts DROP COLUMN search_key;
ALTER TABLE signatures DROP COLUMN search_key;
