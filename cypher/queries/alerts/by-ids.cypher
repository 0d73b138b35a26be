// The alerts of $ids the caller may see.
UNWIND $ids AS id
MATCH (a:Alert {id: id})
WHERE @visible(a)
RETURN a {.*, raisedAt: toString(a.raisedAt), decidedAt: toString(a.decidedAt)} AS alert
