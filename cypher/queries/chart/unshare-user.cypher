// Ends a chart's share with a user or API token; returns how many shares ended (0 or 1).
MATCH (c:Chart {id: $id})-[s:SHARED_WITH]->(x)
WHERE x.username = $username OR (x:ApiToken AND x.name = $tokenName)
DELETE s
RETURN count(*) AS ended
