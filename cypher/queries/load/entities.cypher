// Writes a batch of entities of one type. MERGE on the indexed Entity.id, then the type label
// ($label: chosen by the loader from LABEL in server/model/model.ts, never from data).
// $rows: [{id, props}]; dates and datetimes in props are already Neo4j temporal values
// (converted by the loader, so no per-row conversion and no Eager steps here).
// Properties are replaced by the row's (idempotent: re-running changes nothing).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$($label)
SET n += row.props
RETURN count(n) AS written
