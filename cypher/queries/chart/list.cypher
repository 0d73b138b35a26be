// Saved charts without their documents, most recently saved first.
MATCH (c:Chart)
RETURN c.id AS id, c.name AS name, c.nodeCount AS nodeCount, c.edgeCount AS edgeCount,
       c.createdAt AS createdAt, c.updatedAt AS updatedAt
ORDER BY c.updatedAt DESC, c.name
