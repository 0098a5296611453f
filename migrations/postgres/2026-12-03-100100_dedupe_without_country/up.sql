-- The duplicate key was "organization|country"; it is now the organization
-- alone, and the countries are compared beside it, so that a signature
-- without a country is taken for the same organization as one with.
UPDATE signatures SET dedupe_key = split_part(dedupe_key, '|', 1)
WHERE strpos(dedupe_key, '|') > 0;
