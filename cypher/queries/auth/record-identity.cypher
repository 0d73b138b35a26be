// Records an identity-provider (JWT) user as verified: its principal id ($id, jwt:ISSUER:SUBJECT),
// the name the token maps to, and the role it gave, so that a case's lead can add them as a member
// by that name. Written at most once every few minutes per identity.
MERGE (i:IdentityAccount {id: $id})
  ON CREATE SET i.firstSeenAt = datetime()
SET i.name = $name, i.role = $role, i.needToKnow = $needToKnow, i.seenAt = datetime()
RETURN i.id AS id
