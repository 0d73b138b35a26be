// True when the database holds at least one entity (the demo loads only into an empty one).
OPTIONAL MATCH (n:Entity)
WITH n LIMIT 1
RETURN n IS NOT NULL AS any
