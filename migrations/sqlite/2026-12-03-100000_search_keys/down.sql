DROP INDEX contacts_unkeyed;
DROP INDEX signatures_unkeyed;
DROP INDEX contacts_search;
DROP INDEX signatures_search;
ALTER TABLE contacts DROP COLUMN search_key;
ALTER TABLE signatures DROP COLUMN search_key;
