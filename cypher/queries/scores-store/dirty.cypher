// Up to $limit entities marked dirty, oldest first, with when they were marked.
MATCH (d:ScoreDirty)
RETURN d.id AS id, toString(d.at) AS at
ORDER BY d.at
LIMIT $limit
