// Alerts raised after $after (ISO datetime), oldest first, at most $limit: what another server
// instance's engine raised, for this instance's subscribers.
MATCH (a:Alert)
WHERE a.raisedAt > datetime($after)
RETURN a.id AS id, toString(a.raisedAt) AS raisedAt
ORDER BY a.raisedAt
LIMIT $limit
