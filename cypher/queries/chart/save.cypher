// Saves a chart by name: overwrites the document of a chart with that name, or creates one.
// The document travels as JSON text ($document); Neo4j properties cannot hold maps.
MERGE (c:Chart {name: $name})
  ON CREATE SET c.id = $id, c.createdAt = datetime()
SET c.document = $document,
    c.nodeCount = $nodeCount,
    c.edgeCount = $edgeCount,
    c.updatedAt = datetime()
RETURN c.id AS id, c.name AS name, c.document AS document, c.nodeCount AS nodeCount,
       c.edgeCount AS edgeCount, c.createdAt AS createdAt, c.updatedAt AS updatedAt
