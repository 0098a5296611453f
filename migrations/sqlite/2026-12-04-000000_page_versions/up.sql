-- What each public page depends on, as a version that any change to it
-- moves on: the statement's own (its text, settings, status and listed
-- names) and its coalition's (its name, logo and time zone, its releases,
-- and its statements as the newsroom shows them). Triggers move them, so
-- every writer, on any instance, invalidates the cached pages at once.
CREATE TABLE page_versions (
    scope TEXT PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL,
    changed_at TIMESTAMP NOT NULL
);

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

CREATE TRIGGER statement_versions_insert_page_version AFTER INSERT ON statement_versions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.statement_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.statement_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT coalition_id FROM statements WHERE id = NEW.statement_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT coalition_id FROM statements WHERE id = NEW.statement_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER statement_versions_update_page_version AFTER UPDATE ON statement_versions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.statement_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.statement_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT coalition_id FROM statements WHERE id = NEW.statement_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT coalition_id FROM statements WHERE id = NEW.statement_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER statement_versions_delete_page_version AFTER DELETE ON statement_versions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT OLD.statement_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE OLD.statement_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT coalition_id FROM statements WHERE id = OLD.statement_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT coalition_id FROM statements WHERE id = OLD.statement_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

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

CREATE TRIGGER coalitions_insert_page_version AFTER INSERT ON coalitions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER coalitions_update_page_version AFTER UPDATE ON coalitions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER coalitions_delete_page_version AFTER DELETE ON coalitions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT OLD.id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE OLD.id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER coalition_logos_insert_page_version AFTER INSERT ON coalition_logos
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.coalition_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.coalition_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER coalition_logos_update_page_version AFTER UPDATE ON coalition_logos
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.coalition_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.coalition_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER coalition_logos_delete_page_version AFTER DELETE ON coalition_logos
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT OLD.coalition_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE OLD.coalition_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER press_releases_insert_page_version AFTER INSERT ON press_releases
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.coalition_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.coalition_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER press_releases_update_page_version AFTER UPDATE ON press_releases
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT NEW.coalition_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE NEW.coalition_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER press_releases_delete_page_version AFTER DELETE ON press_releases
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT OLD.coalition_id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE OLD.coalition_id IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER press_release_revisions_insert_page_version AFTER INSERT ON press_release_revisions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT coalition_id FROM press_releases WHERE id = NEW.release_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT coalition_id FROM press_releases WHERE id = NEW.release_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER press_release_revisions_update_page_version AFTER UPDATE ON press_release_revisions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT coalition_id FROM press_releases WHERE id = NEW.release_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT coalition_id FROM press_releases WHERE id = NEW.release_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

CREATE TRIGGER press_release_revisions_delete_page_version AFTER DELETE ON press_release_revisions
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT (SELECT coalition_id FROM press_releases WHERE id = OLD.release_id), 1, strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE (SELECT coalition_id FROM press_releases WHERE id = OLD.release_id) IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

-- What exists already starts at version 1.
INSERT INTO page_versions (scope, version, changed_at)
SELECT id, 1, created_at FROM statements
UNION SELECT id, 1, created_at FROM coalitions;
