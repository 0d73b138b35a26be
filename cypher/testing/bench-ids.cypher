// Ids for the audit benchmark: premises, phones and people that are not potential victims, by id.
MATCH (n:Entity)
WHERE n.type IN ['PREMISES', 'PHONE', 'PERSON'] AND NOT coalesce(n.potentialVictim, false) AND NOT coalesce(n.retired, false)
RETURN n.id AS id
ORDER BY n.id
LIMIT 100
