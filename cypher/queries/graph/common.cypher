// Entities linked to at least $minShared of the $ids entities (not themselves among them),
// most shared first, at most $limit; total says how many there were.
// Link filter parameters (null = no restriction): $linkTypes, $entityTypes (entities in $keep
// always pass), $from/$to (validity window, ISO dates; open-ended links pass), $maxSourceEvaluation
// (1..3) and $maxAssessment ('A'..'E') for the minimum grade, $knownBefore (ISO datetime: links and
// entities recorded at or after it are hidden, "as known on"). Retired links and entities never pass.
// Entities and links come as the chart draws them (CHART_NODE_PROPERTIES, CHART_LINK_PROPERTIES
// in entity.mapper.ts).
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(m:Entity)
WHERE NOT m.id IN $ids
  AND NOT coalesce(r.retired, false)
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
WITH m, collect(DISTINCT n.id) AS sharedWith, collect(r) AS rs
WHERE size(sharedWith) >= $minShared
WITH m, sharedWith, rs
ORDER BY size(sharedWith) DESC, m.id
WITH collect({m: m, sharedWith: sharedWith, rs: rs}) AS found
UNWIND found[..$limit] AS f
WITH f.m AS m, f.sharedWith AS sharedWith, f.rs AS rs, size(found) AS total
RETURN m {.id, .type, .label, .subtitle, .cardKind, .potentialVictim, .suspect, .safeguarded, .riskScore, .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, recordedAt: toString(m.recordedAt), degree: @visibleDegree(m)} AS node, sharedWith, total,
       [r IN rs | r {.id, .role, validFrom: toString(r.validFrom), validTo: toString(r.validTo), recordedAt: toString(r.recordedAt), .weight, .count, firstAt: toString(r.firstAt), lastAt: toString(r.lastAt), .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS links
