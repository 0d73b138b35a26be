// An alert's evidence as the caller may see it now: the entities of $entityIds and the links of
// $linkIds among them (not retired, visible), drawn as graph/subgraph draws them. What the caller
// may not see is left out, not refused.
CALL () {
  UNWIND $entityIds AS id
  MATCH (n:Entity {id: id})
  WHERE NOT coalesce(n.retired, false)
    AND @visible(n)
  RETURN collect(n) AS found
}
CALL (found) {
  UNWIND found AS n
  MATCH (n)-[r]->(m:Entity)
  WHERE r.id IN $linkIds
    AND m.id IN $entityIds
    AND NOT coalesce(r.retired, false)
    AND @visible(r)
    AND @visible(m)
  RETURN collect(DISTINCT r) AS rs
}
RETURN [n IN found | n {.id, .type, .label, .subtitle, .cardKind, .potentialVictim, .suspect, .safeguarded, .riskScore, .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, recordedAt: toString(n.recordedAt), degree: @visibleDegree(n)}] AS nodes,
       [r IN rs | r {.id, .role, validFrom: toString(r.validFrom), validTo: toString(r.validTo), recordedAt: toString(r.recordedAt), .weight, .count, firstAt: toString(r.firstAt), lastAt: toString(r.lastAt), .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, .sourceIds, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS links
