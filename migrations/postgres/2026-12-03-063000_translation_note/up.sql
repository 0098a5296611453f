-- The note "translation" was stored in English on the first revision of
-- every translation; it is now written in the reader's language when shown.
UPDATE revisions SET note = ''
WHERE number = 1
  AND note = 'translation'
  AND version_id IN (
    SELECT v.id FROM statement_versions v
    JOIN statements s ON s.id = v.statement_id
    WHERE v.language <> s.language
  );
