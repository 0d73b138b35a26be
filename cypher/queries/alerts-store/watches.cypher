// The active watches the engine evaluates.
MATCH (w:Watch)
WHERE w.active
RETURN w {.*} AS watch
ORDER BY w.createdAt
