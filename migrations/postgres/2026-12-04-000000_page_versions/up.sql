-- What each public page depends on, as a version that any change to it
-- moves on: the statement's own (its text, settings, status and listed
-- names) and its coalition's (its name, logo and time zone, its releases,
-- and its statements as the newsroom shows them). Triggers move them, so
-- every writer, on any instance, invalidates the cached pages at once.
-- They run once per SQL statement, so a bulk change moves a version once.
CREATE TABLE page_versions (
    scope TEXT PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL,
    changed_at TIMESTAMP NOT NULL
);

CREATE FUNCTION statements_insert_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.id AS scope FROM new_rows r
            UNION SELECT r.coalition_id AS scope FROM new_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER statements_insert_page_version AFTER INSERT ON statements
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statements_insert_page_version();

CREATE FUNCTION statements_update_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.id AS scope FROM new_rows r
            UNION SELECT r.coalition_id AS scope FROM new_rows r
            UNION SELECT r.id AS scope FROM old_rows r
            UNION SELECT r.coalition_id AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER statements_update_page_version AFTER UPDATE ON statements
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statements_update_page_version();

CREATE FUNCTION statements_delete_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.id AS scope FROM old_rows r
            UNION SELECT r.coalition_id AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER statements_delete_page_version AFTER DELETE ON statements
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statements_delete_page_version();

CREATE FUNCTION statement_versions_insert_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.statement_id AS scope FROM new_rows r
            UNION SELECT (SELECT coalition_id FROM statements WHERE id = r.statement_id) AS scope FROM new_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER statement_versions_insert_page_version AFTER INSERT ON statement_versions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statement_versions_insert_page_version();

CREATE FUNCTION statement_versions_update_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.statement_id AS scope FROM new_rows r
            UNION SELECT (SELECT coalition_id FROM statements WHERE id = r.statement_id) AS scope FROM new_rows r
            UNION SELECT r.statement_id AS scope FROM old_rows r
            UNION SELECT (SELECT coalition_id FROM statements WHERE id = r.statement_id) AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER statement_versions_update_page_version AFTER UPDATE ON statement_versions
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statement_versions_update_page_version();

CREATE FUNCTION statement_versions_delete_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.statement_id AS scope FROM old_rows r
            UNION SELECT (SELECT coalition_id FROM statements WHERE id = r.statement_id) AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER statement_versions_delete_page_version AFTER DELETE ON statement_versions
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statement_versions_delete_page_version();

CREATE FUNCTION revisions_insert_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT (SELECT statement_id FROM statement_versions WHERE id = r.version_id) AS scope FROM new_rows r
            UNION SELECT (SELECT s.coalition_id FROM statements s JOIN statement_versions v ON v.statement_id = s.id WHERE v.id = r.version_id) AS scope FROM new_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER revisions_insert_page_version AFTER INSERT ON revisions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION revisions_insert_page_version();

CREATE FUNCTION revisions_update_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT (SELECT statement_id FROM statement_versions WHERE id = r.version_id) AS scope FROM new_rows r
            UNION SELECT (SELECT s.coalition_id FROM statements s JOIN statement_versions v ON v.statement_id = s.id WHERE v.id = r.version_id) AS scope FROM new_rows r
            UNION SELECT (SELECT statement_id FROM statement_versions WHERE id = r.version_id) AS scope FROM old_rows r
            UNION SELECT (SELECT s.coalition_id FROM statements s JOIN statement_versions v ON v.statement_id = s.id WHERE v.id = r.version_id) AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER revisions_update_page_version AFTER UPDATE ON revisions
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION revisions_update_page_version();

CREATE FUNCTION revisions_delete_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT (SELECT statement_id FROM statement_versions WHERE id = r.version_id) AS scope FROM old_rows r
            UNION SELECT (SELECT s.coalition_id FROM statements s JOIN statement_versions v ON v.statement_id = s.id WHERE v.id = r.version_id) AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER revisions_delete_page_version AFTER DELETE ON revisions
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION revisions_delete_page_version();

CREATE FUNCTION signatures_insert_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.statement_id AS scope FROM new_rows r WHERE r.listed
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER signatures_insert_page_version AFTER INSERT ON signatures
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signatures_insert_page_version();

CREATE FUNCTION signatures_update_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.statement_id AS scope FROM new_rows r WHERE r.listed
            UNION SELECT r.statement_id AS scope FROM old_rows r WHERE r.listed
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER signatures_update_page_version AFTER UPDATE ON signatures
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signatures_update_page_version();

CREATE FUNCTION signatures_delete_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.statement_id AS scope FROM old_rows r WHERE r.listed
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER signatures_delete_page_version AFTER DELETE ON signatures
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signatures_delete_page_version();

CREATE FUNCTION coalitions_insert_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.id AS scope FROM new_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER coalitions_insert_page_version AFTER INSERT ON coalitions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coalitions_insert_page_version();

CREATE FUNCTION coalitions_update_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.id AS scope FROM new_rows r
            UNION SELECT r.id AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER coalitions_update_page_version AFTER UPDATE ON coalitions
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coalitions_update_page_version();

CREATE FUNCTION coalitions_delete_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.id AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER coalitions_delete_page_version AFTER DELETE ON coalitions
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coalitions_delete_page_version();

CREATE FUNCTION coalition_logos_insert_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.coalition_id AS scope FROM new_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER coalition_logos_insert_page_version AFTER INSERT ON coalition_logos
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coalition_logos_insert_page_version();

CREATE FUNCTION coalition_logos_update_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.coalition_id AS scope FROM new_rows r
            UNION SELECT r.coalition_id AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER coalition_logos_update_page_version AFTER UPDATE ON coalition_logos
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coalition_logos_update_page_version();

CREATE FUNCTION coalition_logos_delete_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.coalition_id AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER coalition_logos_delete_page_version AFTER DELETE ON coalition_logos
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coalition_logos_delete_page_version();

CREATE FUNCTION press_releases_insert_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.coalition_id AS scope FROM new_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER press_releases_insert_page_version AFTER INSERT ON press_releases
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION press_releases_insert_page_version();

CREATE FUNCTION press_releases_update_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.coalition_id AS scope FROM new_rows r
            UNION SELECT r.coalition_id AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER press_releases_update_page_version AFTER UPDATE ON press_releases
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION press_releases_update_page_version();

CREATE FUNCTION press_releases_delete_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT r.coalition_id AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER press_releases_delete_page_version AFTER DELETE ON press_releases
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION press_releases_delete_page_version();

CREATE FUNCTION press_release_revisions_insert_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT (SELECT coalition_id FROM press_releases WHERE id = r.release_id) AS scope FROM new_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER press_release_revisions_insert_page_version AFTER INSERT ON press_release_revisions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION press_release_revisions_insert_page_version();

CREATE FUNCTION press_release_revisions_update_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT (SELECT coalition_id FROM press_releases WHERE id = r.release_id) AS scope FROM new_rows r
            UNION SELECT (SELECT coalition_id FROM press_releases WHERE id = r.release_id) AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER press_release_revisions_update_page_version AFTER UPDATE ON press_release_revisions
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION press_release_revisions_update_page_version();

CREATE FUNCTION press_release_revisions_delete_page_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_versions (scope, version, changed_at)
    SELECT scope, 1, clock_timestamp() AT TIME ZONE 'UTC' FROM (
            SELECT (SELECT coalition_id FROM press_releases WHERE id = r.release_id) AS scope FROM old_rows r
        ) changed
        WHERE scope IS NOT NULL
        GROUP BY scope
        ORDER BY scope
    ON CONFLICT (scope) DO UPDATE
        SET version = page_versions.version + 1, changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER press_release_revisions_delete_page_version AFTER DELETE ON press_release_revisions
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION press_release_revisions_delete_page_version();

-- What exists already starts at version 1.
INSERT INTO page_versions (scope, version, changed_at)
SELECT id, 1, created_at FROM statements
UNION SELECT id, 1, created_at FROM coalitions;
