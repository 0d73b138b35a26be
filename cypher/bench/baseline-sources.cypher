// Load benchmark baseline (bench/load.ts): the minimal batched write of source records.
// $rows: [{id, props}]
UNWIND $rows AS row
MERGE (s:SourceRecord {id: row.id})
SET s += row.props
