-- A mail's text and HTML live beside its outbox row, not in it. Retention
-- deletes a body once its mail is old, and a row of a table of bodies
-- frees whole pages for the next bodies; a body blanked inside the outbox
-- row left each row alone on a page that had held the whole message.
CREATE TABLE outbox_bodies (
    outbox_id TEXT PRIMARY KEY NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL
);
INSERT INTO outbox_bodies (outbox_id, text_body, html_body)
    SELECT id, text_body, html_body FROM outbox WHERE text_body <> '' OR html_body <> '';
ALTER TABLE outbox DROP COLUMN text_body;
ALTER TABLE outbox DROP COLUMN html_body;
