-- Each statement revision keeps its Markdown rendered and sanitized once,
-- when it is saved, so that no page view renders Markdown. NULL for rows
-- saved before; the server renders those at start.
ALTER TABLE revisions ADD COLUMN body_html TEXT;
