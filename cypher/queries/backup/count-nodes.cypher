// Restore: whether the database is empty.
MATCH (n)
RETURN count(n) AS nodes
