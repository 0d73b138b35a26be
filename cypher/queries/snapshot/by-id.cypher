// One snapshot with its record, when the caller may see it: partners only OFFICIAL, handling P,
// masked snapshots without analysts' notes; snapshots that show victims' identities only to
// callers who may unmask ($canUnmask). Index: snapshot_id.
MATCH (s:Snapshot {id: $id})
WHERE @visible(s)
  AND ($scope.shareAll OR (s.masked AND s.annotationCount = 0))
  AND (s.masked OR $canUnmask)
OPTIONAL MATCH (newer:Snapshot)-[:SUPERSEDES]->(s)
RETURN s {.*} AS snapshot, newer.id AS supersededBy
