DROP INDEX outbox_claim;
