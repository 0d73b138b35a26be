// The given entities ($ids) for network analytics, those visible to the caller. potentialVictim
// travels so that the gateway masks victims' labels; postedOn dates an advert's links.
// Index: entity_id seek per id.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT coalesce(n.retired, false)
  AND @visible(n)
RETURN n {.id, .type, .label, .kind, .potentialVictim, .postedOn} AS node
ORDER BY node.id
