// Snapshots the caller may see (as in snapshot/by-id), newest first, without their records.
MATCH (s:Snapshot)
WHERE @visible(s)
  AND ($scope.shareAll OR (s.masked AND s.annotationCount = 0))
  AND (s.masked OR $canUnmask)
  AND ($title IS NULL OR toLower(s.title) CONTAINS toLower($title))
OPTIONAL MATCH (newer:Snapshot)-[:SUPERSEDES]->(s)
WITH s, newer
ORDER BY s.createdAt DESC, s.id
LIMIT $limit
RETURN s {.*, content: null} AS snapshot, newer.id AS supersededBy
