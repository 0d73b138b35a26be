// How many enabled admins there are (first start makes one when there are none).
MATCH (u:User)
WHERE u.role = 'admin' AND NOT coalesce(u.disabled, false)
RETURN count(u) AS admins
