UPDATE revisions SET note = 'translation'
WHERE number = 1
  AND note = ''
  AND version_id IN (
    SELECT v.id FROM statement_versions v
    JOIN statements s ON s.id = v.statement_id
    WHERE v.language <> s.language
  );
