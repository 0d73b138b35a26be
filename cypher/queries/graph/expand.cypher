// One hop of a neighbourhood: the links of the $frontier entities that pass the filter, grouped
// by the entity at the other end. Entities already in $seen come first (their links close the
// chart); of the new ones, at most $room are returned, the best connected first, and newCount
// says how many there were, so the caller knows what the limit cut.
// Link filter parameters (null = no restriction): $linkTypes, $entityTypes (entities in $keep
// always pass), $from/$to (validity window, ISO dates; open-ended links pass), $maxSourceEvaluation
// (1..3) and $maxAssessment ('A'..'E') for the minimum grade, $knownBefore (ISO datetime: links and
// entities recorded at or after it are hidden, "as known on"). Retired links and entities never pass.
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
  AND ($scope.shareAll OR (n.handlingCode = 'P' AND n.classification = 'OFFICIAL'))
  AND ($scope.shareAll OR (r.handlingCode = 'P' AND r.classification = 'OFFICIAL'))
  AND ($scope.shareAll OR (m.handlingCode = 'P' AND m.classification = 'OFFICIAL'))
  AND ($entityTypes IS NULL OR m.type IN $entityTypes OR m.id IN $keep)
  AND ($knownBefore IS NULL OR coalesce(m.recordedAt < datetime($knownBefore), true))
WITH m, collect(DISTINCT r) AS rs, m.id IN $seen AS known
ORDER BY known DESC, size(rs) DESC, m.id
WITH collect({m: m, rs: rs, known: known}) AS found
WITH found, size([f IN found WHERE NOT f.known]) AS newCount, size([f IN found WHERE f.known]) AS knownCount
UNWIND found[..knownCount + $room] AS f
WITH f.m AS m, f.rs AS rs, f.known AS known, newCount
RETURN m {.*, searchText: null, degree: CASE WHEN $scope.shareAll THEN COUNT { (m)--() } ELSE COUNT { (m)-[sr]-(sm:Entity) WHERE sr.handlingCode = 'P' AND sr.classification = 'OFFICIAL' AND sm.handlingCode = 'P' AND sm.classification = 'OFFICIAL' } END} AS node, known, newCount,
       [r IN rs | r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS links
