// Stores a new snapshot; with $supersedes, links it to the version it replaces, which must be
// visible to the caller and not already superseded (else no row comes back). Nothing else is
// ever written to a snapshot: there is no update statement.
OPTIONAL MATCH (old:Snapshot {id: $supersedes})
WHERE @visible(old)
  AND NOT EXISTS { MATCH (:Snapshot)-[:SUPERSEDES]->(old) }
WITH old
WHERE $supersedes IS NULL OR old IS NOT NULL
CREATE (s:Snapshot {
  id: $id, title: $title, author: $author, authorRole: $authorRole, createdAt: datetime($createdAt),
  asKnownOn: $asKnownOn, version: $version, supersedes: $supersedes,
  classification: $classification, handlingCode: $handlingCode, marking: $marking,
  masked: $masked, unmaskReason: $unmaskReason, annotationCount: $annotationCount,
  nodeCount: $nodeCount, edgeCount: $edgeCount, findingCount: $findingCount,
  hash: $hash, content: $content
})
FOREACH (o IN CASE WHEN old IS NULL THEN [] ELSE [old] END | CREATE (s)-[:SUPERSEDES]->(o))
RETURN s.id AS id
