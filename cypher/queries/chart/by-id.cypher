// One saved chart by its id (index seek on the chart_id constraint).
MATCH (c:Chart {id: $id})
RETURN c.id AS id, c.name AS name, c.document AS document, c.nodeCount AS nodeCount,
       c.edgeCount AS edgeCount, c.createdAt AS createdAt, c.updatedAt AS updatedAt
