// The given entities ($ids) with what the indicators read: kinds, dates, flags. potentialVictim
// and type travel so that the gateway masks victims' labels. Index: entity_id seek per id.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT coalesce(n.retired, false)
  AND @visible(n)
RETURN n {.id, .type, .label, .kind, .category, .status, .postedOn, .obscuredNumber, .potentialVictim, .suspect, .recordedAt} AS node
