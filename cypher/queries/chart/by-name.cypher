// One saved chart by its name (index seek on the chart_name constraint).
MATCH (c:Chart {name: $name})
RETURN c.id AS id, c.name AS name, c.document AS document, c.nodeCount AS nodeCount,
       c.edgeCount AS edgeCount, c.createdAt AS createdAt, c.updatedAt AS updatedAt
