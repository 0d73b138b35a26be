// Load benchmark baseline (bench/load.ts): the minimal batched write of entities of one type.
// $label comes from LABEL in server/model/model.ts; temporal values arrive as driver types.
// $rows: [{id, props}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$($label)
SET n += row.props
