-- A signature merged into another was stored as withdrawn, and shown so;
-- it has a state of its own now, and no withdrawal time.
UPDATE signatures SET status = 'merged', withdrawn_at = NULL
WHERE merged_into IS NOT NULL AND status = 'withdrawn';
