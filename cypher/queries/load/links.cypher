// Writes a batch of links of one type ($type: a key of LINK_TYPES, chosen by the loader, never
// from data). Both ends are MATCHed by the indexed Entity.id and must be of the allowed types
// ($fromTypes, $toTypes); rows whose ends are missing write nothing, and the loader reports them.
// $rows: [{id, from, to, props}]; dates and datetimes in props are Neo4j temporal values.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
WHERE a.type IN $fromTypes
MATCH (b:Entity {id: row.to})
WHERE b.type IN $toTypes
MERGE (a)-[r:$($type) {id: row.id}]->(b)
SET r += row.props
RETURN collect(row.id) AS written
