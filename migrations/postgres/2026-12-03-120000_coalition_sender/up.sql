-- A coalition speaks as itself: the name its mail comes from, where
-- replies go, a short footer under its releases, its website and logo
-- for its public pages. The sender address stays the instance's own, the
-- one its domain's SPF and DKIM records vouch for.
ALTER TABLE coalitions ADD COLUMN sender_name TEXT NOT NULL DEFAULT '';
ALTER TABLE coalitions ADD COLUMN reply_to TEXT NOT NULL DEFAULT '';
ALTER TABLE coalitions ADD COLUMN mail_footer TEXT NOT NULL DEFAULT '';
ALTER TABLE coalitions ADD COLUMN website TEXT NOT NULL DEFAULT '';

-- A release may name its own reply address.
ALTER TABLE press_releases ADD COLUMN reply_to TEXT NOT NULL DEFAULT '';

-- The display name and reply address a mail is sent with, when they are
-- a coalition's rather than the instance's.
ALTER TABLE outbox ADD COLUMN from_name TEXT;
ALTER TABLE outbox ADD COLUMN reply_to TEXT;

-- The logo, base64, in the database so every instance serves it.
CREATE TABLE coalition_logos (
    coalition_id TEXT PRIMARY KEY NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    content TEXT NOT NULL,
    digest TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
