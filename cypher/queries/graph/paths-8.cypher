// All shortest paths of at most 8 links between each pair in $pairs ([[fromId, toId], ...]),
// at most $limit per pair, using only links and entities that pass the filter (the predicates are
// evaluated during the bidirectional search). One file per maximum length because a
// variable-length bound cannot be a parameter; keep paths-1..8 in step (a unit test checks).
// Link filter parameters (null = no restriction): $linkTypes, $entityTypes (entities in $keep
// always pass), $from/$to (validity window, ISO dates; open-ended links pass), $maxSourceEvaluation
// (1..3) and $maxAssessment ('A'..'E') for the minimum grade, $knownBefore (ISO datetime: links and
// entities recorded at or after it are hidden, "as known on"). Retired links and entities never pass.
// Links come as the chart draws them (CHART_LINK_PROPERTIES in entity.mapper.ts).
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]})
MATCH (b:Entity {id: pair[1]})
CALL (a, b) {
  MATCH p = allShortestPaths((a)-[*..8]-(b))
  WHERE all(r IN relationships(p) WHERE NOT coalesce(r.retired, false)
            AND @visible(r)
            AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
            AND ($from IS NULL OR coalesce(r.validTo >= date($from), true))
            AND ($to IS NULL OR coalesce(r.validFrom <= date($to), true))
            AND ($maxSourceEvaluation IS NULL OR r.sourceEvaluation <= $maxSourceEvaluation)
            AND ($maxAssessment IS NULL OR r.intelligenceAssessment <= $maxAssessment)
            AND ($knownBefore IS NULL OR coalesce(r.recordedAt < datetime($knownBefore), true)))
    AND all(m IN nodes(p) WHERE NOT coalesce(m.retired, false)
            AND @visible(m)
            AND ($entityTypes IS NULL OR m.type IN $entityTypes OR m.id IN $keep)
            AND ($knownBefore IS NULL OR coalesce(m.recordedAt < datetime($knownBefore), true)))
  RETURN p
  LIMIT $limit
}
RETURN [m IN nodes(p) | m.id] AS nodeIds, [r IN relationships(p) | r {.id, .role, validFrom: toString(r.validFrom), validTo: toString(r.validTo), recordedAt: toString(r.recordedAt), .weight, .count, firstAt: toString(r.firstAt), lastAt: toString(r.lastAt), .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS links
