ALTER TABLE revisions DROP COLUMN body_html;
