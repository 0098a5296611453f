-- The note "first draft" was stored in English on every first revision;
-- it is now written in the reader's language when shown.
UPDATE revisions SET note = '' WHERE number = 1 AND note = 'first draft';
