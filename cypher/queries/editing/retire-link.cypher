// Retires a link found from its source entity ($fromId) and its element id (looked up by entity/link-by-id in the same transaction).
MATCH (:Entity {id: $fromId})-[x]->()
WHERE elementId(x) = $elementId
SET x.retired = true, x.retiredAt = datetime(), x.retiredReason = $reason, x.updatedAt = datetime()
RETURN x.id AS id
