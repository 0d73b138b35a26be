// What a case holds: its charts and snapshots (ids; each is opened through its own module, which
// applies the caller's access), with how and when each was attached.
MATCH (k:Case {id: $id})-[h:HOLDS]->(x)
WHERE x:Chart OR x:Snapshot
RETURN x.id AS id, CASE WHEN x:Chart THEN 'chart' ELSE 'snapshot' END AS kind, h.mode AS mode, h.attachedAt AS attachedAt, h.attachedBy AS attachedBy
ORDER BY h.attachedAt DESC
