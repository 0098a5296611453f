CREATE TABLE contacts (
    id TEXT PRIMARY KEY NOT NULL,
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT,
    outlet TEXT,
    role TEXT,
    country TEXT,
    language TEXT,
    notes TEXT,
    do_not_contact BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE UNIQUE INDEX contacts_coalition_email ON contacts (coalition_id, email_key);
CREATE INDEX contacts_coalition_name ON contacts (coalition_id, name);

CREATE TABLE contact_tags (
    contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (contact_id, tag)
);

CREATE INDEX contact_tags_coalition_tag ON contact_tags (coalition_id, tag);

CREATE TABLE contact_lists (
    id TEXT PRIMARY KEY NOT NULL,
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);

CREATE UNIQUE INDEX contact_lists_coalition_name ON contact_lists (coalition_id, name);

CREATE TABLE contact_list_members (
    list_id TEXT NOT NULL REFERENCES contact_lists (id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (list_id, contact_id)
);


CREATE TABLE press_releases (
    id TEXT PRIMARY KEY NOT NULL,
    coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    slug TEXT NOT NULL UNIQUE,
    statement_id TEXT REFERENCES statements (id) ON DELETE SET NULL,
    embargo_at TIMESTAMP,
    embargo_zone TEXT NOT NULL DEFAULT 'UTC',
    current_revision INTEGER NOT NULL DEFAULT 1,
    released_at TIMESTAMP,
    created_by TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX press_releases_coalition ON press_releases (coalition_id, updated_at);

CREATE TABLE press_release_revisions (
    id TEXT PRIMARY KEY NOT NULL,
    release_id TEXT NOT NULL REFERENCES press_releases (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    headline TEXT NOT NULL,
    subheadline TEXT NOT NULL,
    dateline TEXT NOT NULL,
    release_date TEXT NOT NULL,
    press_contacts TEXT NOT NULL,
    body TEXT NOT NULL,
    about TEXT NOT NULL,
    note TEXT NOT NULL,
    author_id TEXT,
    created_at TIMESTAMP NOT NULL
);

CREATE UNIQUE INDEX press_release_revisions_number ON press_release_revisions (release_id, number);

CREATE TABLE mailings (
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
    finished_at TIMESTAMP
);

CREATE INDEX mailings_coalition ON mailings (coalition_id, created_at);
CREATE INDEX mailings_due ON mailings (status, send_at);

ALTER TABLE outbox ADD COLUMN mailing_id TEXT;
ALTER TABLE outbox ADD COLUMN coalition_id TEXT;

CREATE INDEX outbox_mailing ON outbox (mailing_id, status);
