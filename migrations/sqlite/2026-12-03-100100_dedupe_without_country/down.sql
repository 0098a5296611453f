-- The country is put back into the key from its column.
UPDATE signatures SET dedupe_key = dedupe_key || '|' || COALESCE(country, '')
WHERE dedupe_key <> '';
