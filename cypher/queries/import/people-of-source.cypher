// The people whose provenance includes a record of the source whose ids start with $prefix.
MATCH (p:Person)
WHERE any(x IN p.sourceIds WHERE x STARTS WITH $prefix)
RETURN p.id AS id, p.fullName AS fullName
ORDER BY id
