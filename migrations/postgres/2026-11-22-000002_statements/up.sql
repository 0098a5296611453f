CREATE TABLE coalitions (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    about TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE memberships (
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    coordinator_id TEXT NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (coalition_id, coordinator_id)
);

CREATE INDEX memberships_coordinator ON memberships (coordinator_id);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    coordinator_id TEXT NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

CREATE INDEX sessions_coordinator ON sessions (coordinator_id);

CREATE TABLE login_failures (
    id TEXT PRIMARY KEY NOT NULL,
    throttle_key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX login_failures_key ON login_failures (throttle_key, created_at);

CREATE TABLE invitations (
    id TEXT PRIMARY KEY NOT NULL,
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    invited_by TEXT REFERENCES coordinators (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP
);

CREATE INDEX invitations_coalition ON invitations (coalition_id);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY NOT NULL,
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    actor_id TEXT REFERENCES coordinators (id) ON DELETE SET NULL,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    summary TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX audit_log_coalition ON audit_log (coalition_id, created_at);

CREATE TABLE statements (
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
    closed_at TIMESTAMP
);

CREATE INDEX statements_coalition ON statements (coalition_id);

CREATE TABLE statement_versions (
    id TEXT PRIMARY KEY NOT NULL,
    statement_id TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    current_revision INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (statement_id, language)
);

CREATE TABLE revisions (
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
    UNIQUE (version_id, number)
);

CREATE TABLE comments (
    id TEXT PRIMARY KEY NOT NULL,
    statement_id TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    revision_id TEXT NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    organization TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    resolved_at TIMESTAMP,
    resolved_by TEXT
);

CREATE INDEX comments_statement ON comments (statement_id, created_at);

CREATE TABLE signatures (
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
    list_key TEXT COLLATE "C" NOT NULL,
    manual_position INTEGER,
    revision_id TEXT REFERENCES revisions (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    approved_at TIMESTAMP,
    approved_by TEXT,
    withdrawn_at TIMESTAMP
);

CREATE INDEX signatures_list ON signatures (statement_id, listed, kind, list_key, id);
CREATE INDEX signatures_statement_created ON signatures (statement_id, created_at);
