// For tests: every entity citing a record of a source ($prefix: its record id prefix), with all
// its properties (updatedAt among them), to tell whether importing a file again changed anything.
MATCH (n:Entity)
WHERE any(x IN n.sourceIds WHERE x STARTS WITH $prefix)
RETURN n.id AS id, n.type AS type, properties(n) AS props
ORDER BY id
