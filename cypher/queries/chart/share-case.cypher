// Puts a chart in a case (shares it with the case's members), read-only or editable ($mode);
// doing it again changes the mode. Returns the case id, none when the case or chart is missing.
MATCH (k:Case {id: $caseId}), (c:Chart {id: $id})
MERGE (k)-[h:HOLDS]->(c)
SET h.mode = $mode, h.attachedAt = datetime(), h.attachedBy = $by
RETURN k.id AS caseId
