-- The rate limits of the public forms, as PostgreSQL keeps them for
-- several instances; one process serves an SQLite file and counts in its
-- memory, so the table stays empty here and exists to keep both schemas
-- alike.
CREATE TABLE rate_limits (
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    tat TIMESTAMP NOT NULL,
    PRIMARY KEY (bucket, key)
);
