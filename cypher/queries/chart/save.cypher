// Saves a chart by name: overwrites the document of a chart with that name, or creates one.
// The document travels as JSON text ($document, ids, positions and styling only: chart.document.ts
// `toStored`); Neo4j properties cannot hold maps. $nodeIds and $edgeIds are its entity and link
// ids, for counting what each caller may see. $sharedWithPartners null keeps the chart's setting
// (false for a new chart).
MERGE (c:Chart {name: $name})
  ON CREATE SET c.id = $id, c.createdAt = datetime()
SET c.document = $document,
    c.nodeIds = $nodeIds,
    c.edgeIds = $edgeIds,
    c.sharedWithPartners = coalesce($sharedWithPartners, c.sharedWithPartners, false),
    c.updatedAt = datetime()
REMOVE c.nodeCount, c.edgeCount
RETURN c.id AS id
