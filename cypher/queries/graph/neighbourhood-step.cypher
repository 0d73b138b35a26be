// One step of a neighbourhood, in one statement (one round trip): the links of the $frontier
// entities that pass the filter, grouped by the entity at the other end. Entities already in
// $seen come first (their links close the chart); of the new ones, at most $room are returned,
// the best connected first, and newCount says how many there were, so the caller knows what the
// limit cut. With $starts (the first step), the starting entities themselves (not retired,
// visible to the caller; the caller names any missing). When the step is the last ($close), or
// the limit cut it, closing holds the links among the new entities of at most $threshold links
// and every entity in $seen or returned (they are not expanded, so their links to each other are
// fetched here).
// Entities and links come as the chart draws them: only the properties GraphNode and GraphEdge
// resolve from (CHART_NODE_PROPERTIES and CHART_LINK_PROPERTIES in entity.mapper.ts; a unit test
// keeps them in step), not every property (the entity module serves the rest).
// Link filter parameters (null = no restriction): $linkTypes, $entityTypes (entities in $keep
// always pass), $from/$to (validity window, ISO dates; open-ended links pass), $maxSourceEvaluation
// (1..3) and $maxAssessment ('A'..'E') for the minimum grade, $knownBefore (ISO datetime: links and
// entities recorded at or after it are hidden, "as known on"). Retired links and entities never pass.
CALL () {
  UNWIND coalesce($starts, []) AS sid
  MATCH (s:Entity {id: sid})
  WHERE NOT coalesce(s.retired, false)
    AND @visible(s)
  RETURN collect(s {.id, .type, .label, .subtitle, .cardKind, .potentialVictim, .suspect, .safeguarded, .riskScore, .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, recordedAt: toString(s.recordedAt), degree: @visibleDegree(s)}) AS starts
}
CALL () {
  UNWIND $frontier AS fid
  MATCH (n:Entity {id: fid})-[r]-(m:Entity)
  WHERE NOT coalesce(r.retired, false)
    AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
    AND ($from IS NULL OR coalesce(r.validTo >= date($from), true))
    AND ($to IS NULL OR coalesce(r.validFrom <= date($to), true))
    AND ($maxSourceEvaluation IS NULL OR r.sourceEvaluation <= $maxSourceEvaluation)
    AND ($maxAssessment IS NULL OR r.intelligenceAssessment <= $maxAssessment)
    AND ($knownBefore IS NULL OR coalesce(r.recordedAt < datetime($knownBefore), true))
    AND NOT coalesce(m.retired, false)
    AND @visible(n)
    AND @visible(r)
    AND @visible(m)
    AND ($entityTypes IS NULL OR m.type IN $entityTypes OR m.id IN $keep)
    AND ($knownBefore IS NULL OR coalesce(m.recordedAt < datetime($knownBefore), true))
  WITH m, collect(DISTINCT r) AS rs, m.id IN $seen AS known
  ORDER BY known DESC, size(rs) DESC, m.id
  WITH collect({m: m, rs: rs, known: known}) AS found
  WITH found, size([f IN found WHERE NOT f.known]) AS newCount, size([f IN found WHERE f.known]) AS knownCount
  RETURN found[..knownCount + $room] AS kept, newCount
}
CALL (kept) {
  UNWIND kept AS f
  WITH f.m AS m, f.rs AS rs, f.known AS known
  WITH m, rs, known, @visibleDegree(m) AS degree
  RETURN collect({node: m {.id, .type, .label, .subtitle, .cardKind, .potentialVictim, .suspect, .safeguarded, .riskScore, .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, recordedAt: toString(m.recordedAt), degree: degree}, known: known, links: [r IN rs | r {.id, .role, validFrom: toString(r.validFrom), validTo: toString(r.validTo), recordedAt: toString(r.recordedAt), .weight, .count, firstAt: toString(r.firstAt), lastAt: toString(r.lastAt), .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, type: type(r), source: startNode(r).id, target: endNode(r).id}]}) AS found,
         collect(CASE WHEN NOT known AND degree <= $threshold THEN m END) AS last,
         collect(m.id) AS foundIds
}
CALL (newCount, last, foundIds) {
  WITH last, $seen + foundIds AS among
  WHERE $close OR newCount > $room
  UNWIND last AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE m.id IN among
    AND NOT coalesce(r.retired, false)
    AND @visible(r)
    AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
    AND ($from IS NULL OR coalesce(r.validTo >= date($from), true))
    AND ($to IS NULL OR coalesce(r.validFrom <= date($to), true))
    AND ($maxSourceEvaluation IS NULL OR r.sourceEvaluation <= $maxSourceEvaluation)
    AND ($maxAssessment IS NULL OR r.intelligenceAssessment <= $maxAssessment)
    AND ($knownBefore IS NULL OR coalesce(r.recordedAt < datetime($knownBefore), true))
    AND @visible(m)
  RETURN collect(DISTINCT r) AS closing
}
// One row per entity found (a single record of hundreds of maps costs the driver more to unpack);
// the starting entities and the closing links come on the first row.
UNWIND range(0, CASE WHEN size(found) = 0 THEN 0 ELSE size(found) - 1 END) AS i
RETURN CASE WHEN i = 0 THEN starts ELSE [] END AS starts, found[i] AS found, newCount,
       CASE WHEN i = 0 THEN [r IN closing | r {.id, .role, validFrom: toString(r.validFrom), validTo: toString(r.validTo), recordedAt: toString(r.recordedAt), .weight, .count, firstAt: toString(r.firstAt), lastAt: toString(r.lastAt), .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, type: type(r), source: startNode(r).id, target: endNode(r).id}] ELSE [] END AS closing
