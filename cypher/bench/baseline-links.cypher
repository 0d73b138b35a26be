// Load benchmark baseline (bench/load.ts): the minimal batched write of links of one type.
// $type is a key of LINK_TYPES in server/model/model.ts. $rows: [{id, from, to, props}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type) {id: row.id}]->(b)
SET r += row.props
