// Writes a batch of CALLED links made by call records (docs/import.md "Call records",
// decisions/0013). One link per ordered pair of phones, found by its ends, so that calls join a
// CALLED link already there whatever its id; provenance gathered as import/links does. Then the
// link's count (and weight), first and last call and total duration are recomputed from the call
// records citing it, each call (its callKey: caller, called number, start) counted once, whoever
// reported it: importing the same calls again changes nothing, and another file adds only its
// new calls. The ends are matched by the indexed Entity.id and must be phones.
// $rows: [{id, from, to, fields, prov}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
WHERE a.type = 'PHONE'
MATCH (b:Entity {id: row.to})
WHERE b.type = 'PHONE'
MERGE (a)-[r:CALLED]->(b)
  ON CREATE SET r.id = row.id
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
WITH DISTINCT r, row
CALL (r) {
  UNWIND r.sourceIds AS sid
  MATCH (c:SourceRecord {id: sid})
  WHERE c.callKey IS NOT NULL
  WITH c.callKey AS call, min(c.callStartedAt) AS startedAt, max(c.callDurationSeconds) AS seconds
  RETURN count(call) AS calls, min(startedAt) AS first, max(startedAt) AS last,
         CASE WHEN count(seconds) = 0 THEN null ELSE sum(toInteger(seconds)) END AS total
}
SET r.count = calls,
    r.weight = toFloat(calls),
    r.firstAt = datetime(first),
    r.lastAt = datetime(last),
    r.totalDurationSeconds = total
RETURN collect(DISTINCT row.id) AS written
