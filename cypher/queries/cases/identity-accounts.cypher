// Identity-provider (JWT) users Lantern has seen, by the name their token maps to ($name) or by
// their principal id ($id, jwt:ISSUER:SUBJECT): whom `jwt:NAME` names as a case member.
MATCH (i:IdentityAccount)
WHERE i.name = $name OR i.id = $id
RETURN i.id AS id, i.name AS name
ORDER BY id
LIMIT 10
