ALTER TABLE signatures ADD COLUMN comment TEXT;
ALTER TABLE signatures ADD COLUMN authorized BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE signatures ADD COLUMN dedupe_key TEXT NOT NULL DEFAULT '';
ALTER TABLE signatures ADD COLUMN website_domain TEXT;
ALTER TABLE signatures ADD COLUMN domain_matches BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE signatures ADD COLUMN hidden_until_reconsent BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE signatures ADD COLUMN reconsent_revision_id TEXT;
ALTER TABLE signatures ADD COLUMN merged_into TEXT;
ALTER TABLE signatures ADD COLUMN manage_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE signatures ADD COLUMN pending_email TEXT;
ALTER TABLE signatures ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE signatures ADD COLUMN invitation_id TEXT;

CREATE UNIQUE INDEX signatures_statement_email ON signatures (statement_id, email) WHERE email <> '';
CREATE INDEX signatures_dedupe ON signatures (statement_id, dedupe_key);
CREATE INDEX signatures_domain ON signatures (statement_id, website_domain);
CREATE INDEX signatures_status ON signatures (statement_id, status, created_at);

CREATE TABLE suppressions (
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (coalition_id, email)
);

CREATE TABLE sign_invitations (
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
    UNIQUE (statement_id, email)
);

CREATE TABLE digest_subscriptions (
    coordinator_id TEXT NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    statement_id TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    frequency TEXT NOT NULL,
    last_sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (coordinator_id, statement_id)
);
