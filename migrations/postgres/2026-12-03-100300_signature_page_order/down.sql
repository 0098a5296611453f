DROP INDEX signatures_page_by_name;
DROP INDEX signatures_page_by_id;
