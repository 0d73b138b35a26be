// Every visible entity for network analytics, at most $limit (the caller asks for one more than
// it accepts, to know when the graph is too big). potentialVictim travels so that the gateway
// masks victims' labels; postedOn dates an advert's links.
MATCH (n:Entity)
WHERE NOT coalesce(n.retired, false)
  AND @visible(n)
WITH n ORDER BY n.id
LIMIT $limit
RETURN n {.id, .type, .label, .kind, .potentialVictim, .postedOn} AS node
