// Writes a batch of imported entities of one type ($label: from LABEL in server/model/model.ts,
// never from data). Unlike load/entities, an entity seen in many rows and files gathers its
// provenance: sourceIds are the union, grading the best evaluation and assessment and the most
// restrictive handling and classification, recordedAt the earliest and updatedAt the latest.
// Idempotent: writing the same rows again changes nothing, updatedAt included: it moves only
// when a property changed or a new source is cited.
// $rows: [{id, fields: {...shaped properties}, prov: {sourceIds, sourceEvaluation, ..., recordedAt, updatedAt, synthetic}}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$($label)
WITH n, row, coalesce(n.sourceIds, []) AS before,
     // A field counts as changed unless old and new are equal or both absent (null).
     any(k IN keys(row.fields) WHERE NOT coalesce(n[k] = row.fields[k], n[k] IS NULL AND row.fields[k] IS NULL)) AS fieldsChanged
SET n += row.fields
WITH n, row.prov AS p, before, fieldsChanged OR any(s IN row.prov.sourceIds WHERE NOT s IN before) AS changed
SET n.sourceIds = before + [s IN p.sourceIds WHERE NOT s IN before],
    n.sourceEvaluation = CASE WHEN n.sourceEvaluation IS NULL OR p.sourceEvaluation < n.sourceEvaluation THEN p.sourceEvaluation ELSE n.sourceEvaluation END,
    n.intelligenceAssessment = CASE WHEN n.intelligenceAssessment IS NULL OR p.intelligenceAssessment < n.intelligenceAssessment THEN p.intelligenceAssessment ELSE n.intelligenceAssessment END,
    n.handlingCode = CASE WHEN n.handlingCode = 'C' OR p.handlingCode = 'C' THEN 'C' ELSE 'P' END,
    n.handlingConditions = CASE
      WHEN p.handlingConditions IS NULL THEN n.handlingConditions
      WHEN n.handlingConditions IS NULL THEN p.handlingConditions
      WHEN n.handlingConditions CONTAINS p.handlingConditions THEN n.handlingConditions
      ELSE n.handlingConditions + '; ' + p.handlingConditions END,
    n.classification = CASE WHEN n.classification = 'OFFICIAL-SENSITIVE' OR p.classification = 'OFFICIAL-SENSITIVE' THEN 'OFFICIAL-SENSITIVE' ELSE 'OFFICIAL' END,
    n.recordedAt = CASE WHEN n.recordedAt IS NULL OR p.recordedAt < n.recordedAt THEN p.recordedAt ELSE n.recordedAt END,
    n.updatedAt = CASE WHEN n.updatedAt IS NULL OR (changed AND p.updatedAt > n.updatedAt) THEN p.updatedAt ELSE n.updatedAt END,
    n.synthetic = coalesce(n.synthetic, p.synthetic)
RETURN count(n) AS written, sum(CASE WHEN size(before) = 0 THEN 1 ELSE 0 END) AS created
