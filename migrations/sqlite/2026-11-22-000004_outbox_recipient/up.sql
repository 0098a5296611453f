CREATE INDEX outbox_recipient ON outbox (recipient, created_at);
