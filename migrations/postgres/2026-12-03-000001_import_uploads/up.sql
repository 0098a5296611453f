-- Files uploaded for a contact import, kept between the preview and the
-- apply: in the database rather than in one process's memory, so that any
-- instance can show the preview and a restart loses nothing.
CREATE TABLE import_uploads (
    id TEXT PRIMARY KEY NOT NULL,
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    content TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    started_at TIMESTAMP,
    outcome TEXT
);
CREATE INDEX import_uploads_coalition ON import_uploads (coalition_id, created_at);
CREATE INDEX import_uploads_expiry ON import_uploads (expires_at);
