// A case's members: users by username, API tokens as token:NAME, identity-provider users as
// jwt:NAME (the name their token maps to), with their case role.
MATCH (k:Case {id: $id})-[m:HAS_MEMBER]->(x)
RETURN CASE WHEN x:ApiToken THEN 'token:' + x.name WHEN x:IdentityAccount THEN 'jwt:' + x.name ELSE x.username END AS name,
       x.role AS accountRole, m.role AS role, m.addedAt AS addedAt, m.addedBy AS addedBy
ORDER BY CASE m.role WHEN 'lead' THEN 0 WHEN 'analyst' THEN 1 ELSE 2 END, name
