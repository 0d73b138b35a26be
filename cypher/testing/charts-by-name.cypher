// Tests only: saved charts whose name starts with a prefix.
MATCH (c:Chart)
WHERE c.name STARTS WITH $prefix
RETURN c.name AS name
