-- Every closed status and kind column takes only the words its enum knows.
ALTER TABLE tokens ADD CONSTRAINT tokens_purpose_check CHECK (purpose IN ('setup', 'password-reset', 'invitation', 'confirm-signature', 'confirm-email-change'));
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('queued', 'sent', 'failed', 'held', 'cancelled'));
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('viewer', 'editor', 'owner'));
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('viewer', 'editor', 'owner'));
ALTER TABLE revisions ADD CONSTRAINT revisions_change_kind_check CHECK (change_kind IN ('draft', 'editorial', 'material'));
ALTER TABLE signatures ADD CONSTRAINT signatures_kind_check CHECK (kind IN ('organization', 'individual'));
ALTER TABLE signatures ADD CONSTRAINT signatures_status_check CHECK (status IN ('pending_email', 'confirmed', 'approved', 'rejected', 'withdrawn', 'merged'));
ALTER TABLE signatures ADD CONSTRAINT signatures_source_check CHECK (source IN ('form', 'invitation', 'import'));
ALTER TABLE suppressions ADD CONSTRAINT suppressions_reason_check CHECK (reason IN ('unsubscribed', 'bounced', 'do-not-contact'));
ALTER TABLE sign_invitations ADD CONSTRAINT sign_invitations_status_check CHECK (status IN ('invited', 'opened', 'signed', 'declined'));
ALTER TABLE digest_subscriptions ADD CONSTRAINT digest_subscriptions_frequency_check CHECK (frequency IN ('hourly', 'daily'));
ALTER TABLE mailings ADD CONSTRAINT mailings_kind_check CHECK (kind IN ('release', 'update'));
ALTER TABLE mailings ADD CONSTRAINT mailings_status_check CHECK (status IN ('scheduled', 'sending', 'paused', 'cancelled', 'sent'));
ALTER TABLE statements ADD CONSTRAINT statements_status_check CHECK (status IN ('draft', 'open', 'closed'));
ALTER TABLE statements ADD CONSTRAINT statements_signers_check CHECK (signers IN ('organizations', 'individuals', 'both'));
ALTER TABLE statements ADD CONSTRAINT statements_list_order_check CHECK (list_order IN ('alphabetical', 'country', 'time', 'manual'));
