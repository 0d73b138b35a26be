// Opens a case; its creator (a user, API token or identity-provider user, $principalId) becomes its lead.
CREATE (k:Case {id: $id, name: $name, handlingCode: $handlingCode, handlingConditions: $handlingConditions,
                classification: $classification, needToKnow: $needToKnow, createdAt: datetime(), createdBy: $by})
WITH k
OPTIONAL MATCH (u:User {id: $principalId})
OPTIONAL MATCH (t:ApiToken {id: $principalId})
OPTIONAL MATCH (i:IdentityAccount {id: $principalId})
WITH k, coalesce(u, t, i) AS lead
FOREACH (x IN CASE WHEN lead IS NULL THEN [] ELSE [lead] END |
  CREATE (k)-[:HAS_MEMBER {role: 'lead', addedAt: datetime(), addedBy: $by}]->(x))
RETURN k.id AS id
