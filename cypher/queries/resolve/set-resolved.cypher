// Sets each record's resolved id (the smallest id of its merged cluster) and clears it on
// records no longer in a cluster ($clear). Deterministic from the MERGED decisions, so that
// undoing a merge restores exactly what was there before it.
CALL () {
  UNWIND $rows AS row
  MATCH (p:Entity {id: row.id})
  SET p.resolvedId = row.resolvedId
}
CALL () {
  UNWIND $clear AS id
  MATCH (p:Entity {id: id})
  REMOVE p.resolvedId
}
RETURN size($rows) AS set, size($clear) AS cleared
