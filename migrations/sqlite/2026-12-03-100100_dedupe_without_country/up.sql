-- The duplicate key was "organization|country"; it is now the organization
-- alone, and the countries are compared beside it, so that a signature
-- without a country is taken for the same organization as one with.
UPDATE signatures SET dedupe_key = substr(dedupe_key, 1, instr(dedupe_key, '|') - 1)
WHERE instr(dedupe_key, '|') > 0;
