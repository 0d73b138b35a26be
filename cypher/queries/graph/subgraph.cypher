// The $ids entities (not retired, visible to the caller; the caller names any missing) and the
// links that pass the filter among them, each once, in one statement.
// Entities and links come as the chart draws them: only the properties GraphNode and GraphEdge
// resolve from (CHART_NODE_PROPERTIES and CHART_LINK_PROPERTIES in entity.mapper.ts; a unit test
// keeps them in step), not every property (the entity module serves the rest).
// Link filter parameters (null = no restriction): $linkTypes, $entityTypes (entities in $keep
// always pass), $from/$to (validity window, ISO dates; open-ended links pass), $maxSourceEvaluation
// (1..3) and $maxAssessment ('A'..'E') for the minimum grade, $knownBefore (ISO datetime: links and
// entities recorded at or after it are hidden, "as known on"). Retired links and entities never pass.
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  WHERE NOT coalesce(n.retired, false)
    AND @visible(n)
  RETURN collect(n) AS found
}
CALL (found) {
  UNWIND found AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE m.id IN $ids
    AND NOT coalesce(r.retired, false)
    AND @visible(r)
    AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
    AND ($from IS NULL OR coalesce(r.validTo >= date($from), true))
    AND ($to IS NULL OR coalesce(r.validFrom <= date($to), true))
    AND ($maxSourceEvaluation IS NULL OR r.sourceEvaluation <= $maxSourceEvaluation)
    AND ($maxAssessment IS NULL OR r.intelligenceAssessment <= $maxAssessment)
    AND ($knownBefore IS NULL OR coalesce(r.recordedAt < datetime($knownBefore), true))
    AND @visible(m)
  RETURN collect(DISTINCT r) AS rs
}
RETURN [n IN found | n {.id, .type, .label, .subtitle, .cardKind, .potentialVictim, .suspect, .safeguarded, .riskScore, .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, recordedAt: toString(n.recordedAt), degree: @visibleDegree(n)}] AS nodes,
       [r IN rs | r {.id, .role, validFrom: toString(r.validFrom), validTo: toString(r.validTo), recordedAt: toString(r.recordedAt), .weight, .count, firstAt: toString(r.firstAt), lastAt: toString(r.lastAt), .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS links
