DROP TABLE coalition_logos;
ALTER TABLE outbox DROP COLUMN reply_to;
ALTER TABLE outbox DROP COLUMN from_name;
ALTER TABLE press_releases DROP COLUMN reply_to;
ALTER TABLE coalitions DROP COLUMN website;
ALTER TABLE coalitions DROP COLUMN mail_footer;
ALTER TABLE coalitions DROP COLUMN reply_to;
ALTER TABLE coalitions DROP COLUMN sender_name;
