// Up to $limit entities writes marked for the alert engine, oldest first, with when.
MATCH (d:AlertDirty)
RETURN d.id AS id, toString(d.at) AS at
ORDER BY d.at
LIMIT $limit
