// Writes a batch of entities of one type. MERGE on the indexed Entity.id, then the type label
// ($label: chosen by the loader from LABEL in server/model/model.ts, never from data).
// $rows: [{id, props, dates: {name: 'YYYY-MM-DD'}, datetimes: {name: ISO datetime}}].
// Properties are replaced by the row's (idempotent: re-running changes nothing).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$($label)
SET n += row.props
WITH n, row
FOREACH (k IN keys(row.dates) | SET n[k] = date(row.dates[k]))
FOREACH (k IN keys(row.datetimes) | SET n[k] = datetime(row.datetimes[k]))
RETURN count(n) AS written
