// Writes a batch of imported links of one type ($type: a key of LINK_TYPES, never from data),
// gathering provenance as import/entities does. Ends are MATCHed by the indexed Entity.id and
// must be of the allowed types; rows whose ends are missing write nothing and are reported.
// $rows: [{id, from, to, fields, prov}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
WHERE a.type IN $fromTypes
MATCH (b:Entity {id: row.to})
WHERE b.type IN $toTypes
MERGE (a)-[r:$($type) {id: row.id}]->(b)
SET r += row.fields
WITH r, row, row.prov AS p, coalesce(r.sourceIds, []) AS before
SET r.sourceIds = before + [s IN p.sourceIds WHERE NOT s IN before],
    r.sourceEvaluation = CASE WHEN r.sourceEvaluation IS NULL OR p.sourceEvaluation < r.sourceEvaluation THEN p.sourceEvaluation ELSE r.sourceEvaluation END,
    r.intelligenceAssessment = CASE WHEN r.intelligenceAssessment IS NULL OR p.intelligenceAssessment < r.intelligenceAssessment THEN p.intelligenceAssessment ELSE r.intelligenceAssessment END,
    r.handlingCode = CASE WHEN r.handlingCode = 'C' OR p.handlingCode = 'C' THEN 'C' ELSE 'P' END,
    r.handlingConditions = CASE
      WHEN p.handlingConditions IS NULL THEN r.handlingConditions
      WHEN r.handlingConditions IS NULL THEN p.handlingConditions
      WHEN r.handlingConditions CONTAINS p.handlingConditions THEN r.handlingConditions
      ELSE r.handlingConditions + '; ' + p.handlingConditions END,
    r.classification = CASE WHEN r.classification = 'OFFICIAL-SENSITIVE' OR p.classification = 'OFFICIAL-SENSITIVE' THEN 'OFFICIAL-SENSITIVE' ELSE 'OFFICIAL' END,
    r.recordedAt = CASE WHEN r.recordedAt IS NULL OR p.recordedAt < r.recordedAt THEN p.recordedAt ELSE r.recordedAt END,
    r.synthetic = coalesce(r.synthetic, p.synthetic)
RETURN collect(row.id) AS written
