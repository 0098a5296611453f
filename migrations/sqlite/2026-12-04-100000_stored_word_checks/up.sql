-- Every closed status and kind column takes only the words its enum knows.
-- SQLite adds a CHECK constraint only by making the table again: each table
-- is copied into a new one with its checks, the old one dropped and the new
-- one renamed, then its indexes and triggers are made again. Foreign keys
-- are off meanwhile (dropping a table would otherwise delete the rows that
-- point to it), which SQLite allows only outside a transaction: this
-- migration runs without diesel's and opens its own. With the legacy
-- rename, renaming a table leaves the triggers of other tables that name
-- it as they are; they name the new table once it has the old name.
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
BEGIN IMMEDIATE;

-- tokens
CREATE TABLE tokens_new (
    id TEXT PRIMARY KEY NOT NULL,
    purpose TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    subject_id TEXT,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    CONSTRAINT tokens_purpose_check CHECK (purpose IN ('setup', 'password-reset', 'invitation', 'confirm-signature', 'confirm-email-change'))
);
INSERT INTO tokens_new SELECT * FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_new RENAME TO tokens;
CREATE INDEX tokens_purpose_subject ON tokens (purpose, subject_id);

-- outbox
CREATE TABLE outbox_new (
    id TEXT PRIMARY KEY NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL,
    recipient TEXT NOT NULL,
    recipient_name TEXT,
    subject TEXT NOT NULL,
    extra_headers TEXT NOT NULL,
    message_id TEXT NOT NULL,
    priority INTEGER NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    locked_by TEXT,
    last_response TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    mailing_id TEXT,
    coalition_id TEXT,
    from_name TEXT,
    reply_to TEXT,
    CONSTRAINT outbox_status_check CHECK (status IN ('queued', 'sent', 'failed', 'held', 'cancelled'))
);
INSERT INTO outbox_new SELECT * FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, priority, next_attempt_at);
CREATE INDEX outbox_recipient ON outbox (recipient, created_at);
CREATE INDEX outbox_mailing ON outbox (mailing_id, status);
CREATE INDEX outbox_claim ON outbox (locked_by) WHERE locked_by IS NOT NULL;

-- memberships
CREATE TABLE memberships_new (
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    coordinator_id TEXT NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (coalition_id, coordinator_id),
    CONSTRAINT memberships_role_check CHECK (role IN ('viewer', 'editor', 'owner'))
);
INSERT INTO memberships_new SELECT * FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE INDEX memberships_coordinator ON memberships (coordinator_id);

-- invitations
CREATE TABLE invitations_new (
    id TEXT PRIMARY KEY NOT NULL,
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    invited_by TEXT REFERENCES coordinators (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP,
    CONSTRAINT invitations_role_check CHECK (role IN ('viewer', 'editor', 'owner'))
);
INSERT INTO invitations_new SELECT * FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_new RENAME TO invitations;
CREATE INDEX invitations_coalition ON invitations (coalition_id);

-- revisions
CREATE TABLE revisions_new (
    id TEXT PRIMARY KEY NOT NULL,
    version_id TEXT NOT NULL REFERENCES statement_versions (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    note TEXT NOT NULL,
    change_kind TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    author_id TEXT REFERENCES coordinators (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    body_html TEXT,
    UNIQUE (version_id, number),
    CONSTRAINT revisions_change_kind_check CHECK (change_kind IN ('draft', 'editorial', 'material'))
);
INSERT INTO revisions_new SELECT * FROM revisions;
DROP TABLE revisions;
ALTER TABLE revisions_new RENAME TO revisions;

-- signatures
CREATE TABLE signatures_new (
    id TEXT PRIMARY KEY NOT NULL,
    statement_id TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    display_name TEXT,
    country TEXT,
    website TEXT,
    affiliation TEXT,
    city TEXT,
    signer_name TEXT,
    signer_title TEXT,
    email TEXT NOT NULL,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    listed BOOLEAN NOT NULL,
    list_key TEXT NOT NULL,
    manual_position INTEGER,
    revision_id TEXT REFERENCES revisions (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    approved_at TIMESTAMP,
    approved_by TEXT,
    withdrawn_at TIMESTAMP,
    comment TEXT,
    authorized BOOLEAN NOT NULL DEFAULT FALSE,
    dedupe_key TEXT NOT NULL DEFAULT '',
    website_domain TEXT,
    domain_matches BOOLEAN NOT NULL DEFAULT FALSE,
    hidden_until_reconsent BOOLEAN NOT NULL DEFAULT FALSE,
    reconsent_revision_id TEXT,
    merged_into TEXT,
    manage_version INTEGER NOT NULL DEFAULT 1,
    pending_email TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    invitation_id TEXT,
    search_key TEXT NOT NULL DEFAULT '',
    CONSTRAINT signatures_kind_check CHECK (kind IN ('organization', 'individual')),
    CONSTRAINT signatures_status_check CHECK (status IN ('pending_email', 'confirmed', 'approved', 'rejected', 'withdrawn', 'merged')),
    CONSTRAINT signatures_source_check CHECK (source IN ('form', 'invitation', 'import'))
);
INSERT INTO signatures_new SELECT * FROM signatures;
DROP TABLE signatures;
ALTER TABLE signatures_new RENAME TO signatures;
CREATE INDEX signatures_list ON signatures (statement_id, listed, kind, list_key, id);
CREATE INDEX signatures_statement_created ON signatures (statement_id, created_at);
CREATE UNIQUE INDEX signatures_statement_email ON signatures (statement_id, email) WHERE email <> '';
CREATE INDEX signatures_dedupe ON signatures (statement_id, dedupe_key);
CREATE INDEX signatures_domain ON signatures (statement_id, website_domain);
CREATE INDEX signatures_status ON signatures (statement_id, status, created_at);
CREATE INDEX signatures_search ON signatures (statement_id, search_key);
CREATE INDEX signatures_unkeyed ON signatures (id) WHERE search_key = '';
CREATE INDEX signatures_page_by_id ON signatures (statement_id, id);
CREATE INDEX signatures_page_by_name ON signatures (statement_id, list_key, id);

-- suppressions
CREATE TABLE suppressions_new (
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (coalition_id, email),
    CONSTRAINT suppressions_reason_check CHECK (reason IN ('unsubscribed', 'bounced', 'do-not-contact'))
);
INSERT INTO suppressions_new SELECT * FROM suppressions;
DROP TABLE suppressions;
ALTER TABLE suppressions_new RENAME TO suppressions;

-- sign_invitations
CREATE TABLE sign_invitations_new (
    id TEXT PRIMARY KEY NOT NULL,
    statement_id TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    organization TEXT NOT NULL,
    country TEXT,
    contact_name TEXT,
    status TEXT NOT NULL,
    invited_by TEXT,
    created_at TIMESTAMP NOT NULL,
    opened_at TIMESTAMP,
    answered_at TIMESTAMP,
    reminded_at TIMESTAMP,
    signature_id TEXT,
    UNIQUE (statement_id, email),
    CONSTRAINT sign_invitations_status_check CHECK (status IN ('invited', 'opened', 'signed', 'declined'))
);
INSERT INTO sign_invitations_new SELECT * FROM sign_invitations;
DROP TABLE sign_invitations;
ALTER TABLE sign_invitations_new RENAME TO sign_invitations;

-- digest_subscriptions
CREATE TABLE digest_subscriptions_new (
    coordinator_id TEXT NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    statement_id TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    frequency TEXT NOT NULL,
    last_sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (coordinator_id, statement_id),
    CONSTRAINT digest_subscriptions_frequency_check CHECK (frequency IN ('hourly', 'daily'))
);
INSERT INTO digest_subscriptions_new SELECT * FROM digest_subscriptions;
DROP TABLE digest_subscriptions;
ALTER TABLE digest_subscriptions_new RENAME TO digest_subscriptions;

-- mailings
CREATE TABLE mailings_new (
    id TEXT PRIMARY KEY NOT NULL,
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    release_id TEXT REFERENCES press_releases (id) ON DELETE CASCADE,
    revision_number INTEGER,
    statement_id TEXT REFERENCES statements (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    audience TEXT NOT NULL,
    status TEXT NOT NULL,
    send_at TIMESTAMP,
    at_embargo BOOLEAN NOT NULL DEFAULT FALSE,
    recipients INTEGER NOT NULL DEFAULT 0,
    suppressed INTEGER NOT NULL DEFAULT 0,
    created_by TEXT,
    created_at TIMESTAMP NOT NULL,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    start_key TEXT,
    CONSTRAINT mailings_kind_check CHECK (kind IN ('release', 'update')),
    CONSTRAINT mailings_status_check CHECK (status IN ('scheduled', 'sending', 'paused', 'cancelled', 'sent'))
);
INSERT INTO mailings_new SELECT * FROM mailings;
DROP TABLE mailings;
ALTER TABLE mailings_new RENAME TO mailings;
CREATE INDEX mailings_coalition ON mailings (coalition_id, created_at);
CREATE INDEX mailings_due ON mailings (status, send_at);
CREATE UNIQUE INDEX mailings_start_key ON mailings (coalition_id, start_key);

-- statements
CREATE TABLE statements_new (
    id TEXT PRIMARY KEY NOT NULL,
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    slug TEXT NOT NULL UNIQUE,
    language TEXT NOT NULL,
    status TEXT NOT NULL,
    signers TEXT NOT NULL,
    requires_approval BOOLEAN NOT NULL,
    list_order TEXT NOT NULL,
    deadline_at TIMESTAMP,
    publish_at TIMESTAMP,
    list_public_at TIMESTAMP,
    preview_version INTEGER NOT NULL,
    listed_organizations INTEGER NOT NULL,
    listed_individuals INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    opened_at TIMESTAMP,
    closed_at TIMESTAMP,
    CONSTRAINT statements_status_check CHECK (status IN ('draft', 'open', 'closed')),
    CONSTRAINT statements_signers_check CHECK (signers IN ('organizations', 'individuals', 'both')),
    CONSTRAINT statements_list_order_check CHECK (list_order IN ('alphabetical', 'country', 'time', 'manual'))
);
INSERT INTO statements_new SELECT * FROM statements;
DROP TABLE statements;
ALTER TABLE statements_new RENAME TO statements;
CREATE INDEX statements_coalition ON statements (coalition_id);

-- The triggers that keep page_versions, made again once every table is back.
CREATE TRIGGER revisions_insert_page_version AFTER INSERT ON revisions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT statement_id FROM statement_versions WHERE id = NEW.version_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT statement_id FROM statement_versions WHERE id = NEW.version_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT s.coalition_id FROM statements s JOIN statement_versions v ON v.statement_id = s.id WHERE v.id = NEW.version_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT s.coalition_id FROM statements s JOIN statement_versions v ON v.statement_id = s.id WHERE v.id = NEW.version_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER revisions_update_page_version AFTER UPDATE ON revisions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT statement_id FROM statement_versions WHERE id = NEW.version_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT statement_id FROM statement_versions WHERE id = NEW.version_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT s.coalition_id FROM statements s JOIN statement_versions v ON v.statement_id = s.id WHERE v.id = NEW.version_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT s.coalition_id FROM statements s JOIN statement_versions v ON v.statement_id = s.id WHERE v.id = NEW.version_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER revisions_delete_page_version AFTER DELETE ON revisions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT statement_id FROM statement_versions WHERE id = OLD.version_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT statement_id FROM statement_versions WHERE id = OLD.version_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT s.coalition_id FROM statements s JOIN statement_versions v ON v.statement_id = s.id WHERE v.id = OLD.version_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT s.coalition_id FROM statements s JOIN statement_versions v ON v.statement_id = s.id WHERE v.id = OLD.version_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER signatures_insert_page_version AFTER INSERT ON signatures WHEN NEW.listed
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.statement_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.statement_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER signatures_update_page_version AFTER UPDATE ON signatures WHEN NEW.listed OR OLD.listed
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.statement_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.statement_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER signatures_delete_page_version AFTER DELETE ON signatures WHEN OLD.listed
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT OLD.statement_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE OLD.statement_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER statements_insert_page_version AFTER INSERT ON statements
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.coalition_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.coalition_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER statements_update_page_version AFTER UPDATE ON statements
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.coalition_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.coalition_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER statements_delete_page_version AFTER DELETE ON statements
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT OLD.id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE OLD.id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT OLD.coalition_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE OLD.coalition_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

COMMIT;
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_keys = ON;
