// Stores a watch ($props: id, kind, entityId, indicatorId, pattern, parameters (JSON text),
// caseId, owner, note).
CREATE (w:Watch)
SET w = $props, w.active = true, w.createdAt = datetime()
RETURN w {.*} AS watch
