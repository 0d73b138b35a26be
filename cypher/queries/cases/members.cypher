// A case's members: users by username, API tokens as token:NAME, with their case role.
MATCH (k:Case {id: $id})-[m:HAS_MEMBER]->(x)
RETURN coalesce(x.username, 'token:' + x.name) AS name, x.role AS accountRole, m.role AS role, m.addedAt AS addedAt, m.addedBy AS addedBy
ORDER BY CASE m.role WHEN 'lead' THEN 0 WHEN 'analyst' THEN 1 ELSE 2 END, name
