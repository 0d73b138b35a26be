// For tests: an entity's provenance by id.
MATCH (n:Entity {id: $id})
RETURN n.id AS id, n.sourceIds AS sourceIds, n.handlingCode AS handlingCode, n.classification AS classification
