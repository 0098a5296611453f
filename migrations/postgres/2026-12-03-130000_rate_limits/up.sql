-- The rate limits of the public forms, counted here so that every instance
-- serving this database counts against the same allowance. A key's row
-- holds the time at which its allowance is whole again; rows past that
-- time are deleted.
CREATE TABLE rate_limits (
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    tat TIMESTAMP NOT NULL,
    PRIMARY KEY (bucket, key)
);
