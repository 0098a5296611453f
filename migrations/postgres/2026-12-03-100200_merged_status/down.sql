UPDATE signatures SET status = 'withdrawn', withdrawn_at = COALESCE(confirmed_at, created_at)
WHERE status = 'merged';
