CREATE INDEX outbox_claim ON outbox (locked_by) WHERE locked_by IS NOT NULL;
