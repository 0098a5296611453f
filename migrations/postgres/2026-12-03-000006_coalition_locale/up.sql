-- The language a coalition works in (new releases are written in it) and
-- the IANA time zone every time is typed and shown in.
ALTER TABLE coalitions ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE coalitions ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
