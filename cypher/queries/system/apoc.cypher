// Whether APOC's procedures are installed.
SHOW PROCEDURES YIELD name
WHERE name STARTS WITH 'apoc.'
RETURN count(*) > 0 AS apoc
