// Full-text search, first part: the page among Lucene's $fetch best hits (index entity_search on
// label and searchText), exact and kind matches first (below). Asking Lucene for its n best lets it skip hits that cannot make them,
// where scoring every hit (search/entities) costs a third more at 1M people; ranks and scores
// are the same. $query is a Lucene query built by server/modules/search/search.query.ts from
// caller text, every term escaped; it is a parameter, never query text. Of the best hits, the
// type, retired and scope filters keep some (kept), then the page from $skip. `found` counts
// the best hits before the filters; when there were $fetch of them and the page is short, the
// first row also carries every best hit's id (`seen`), and the caller reads the rest of the page
// from search/entities without them, so every page comes from the same order. One row per
// entity of the page, or one row with a null node for an empty page.
// Entities come as the chart draws them (CHART_NODE_PROPERTIES in entity.mapper.ts), with the
// searchText that says which form matched.
// Of the best hits, an exact match comes first ($exact is one of the entity's folded forms: its
// name, an alias, a phone form), then an entity whose kind or type the text names (every word of
// $words is a word of its kind, or begins it, or a plural of it: "massage" and "massage parlours"
// name MASSAGE_PARLOUR premises; or is its type: "premises"), then the rest; in Lucene's order
// within each.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $fetch}) YIELD node, score
WITH collect({node: node, score: score}) AS best
UNWIND range(0, size(best) - 1) AS i
WITH best[i].node AS node, best[i].score AS score, i
WITH node, score, i,
  CASE
    WHEN $exact IN split(coalesce(node.searchText, ''), ' | ') THEN 2
    WHEN size($words) > 0 AND all(w IN $words WHERE w = toLower(node.type)
      OR any(k IN split(toLower(coalesce(node.kind, '')), '_') WHERE k = w OR (size(w) >= 3 AND k <> '' AND (k STARTS WITH w OR w STARTS WITH k)))) THEN 1
    ELSE 0
  END AS tier
ORDER BY tier DESC, i
WITH count(*) AS found, collect(node.id) AS seen, collect(CASE WHEN NOT coalesce(node.retired, false)
    AND @visible(node)
    // Masked callers cannot find a potential victim by their real name (the hit would disclose it).
    AND NOT ($scope.mask AND coalesce(node.potentialVictim, false))
    AND ($types IS NULL OR node.type IN $types)
  THEN {node: node, score: score} END) AS kept
WITH found, seen, size(kept) AS keptCount, CASE WHEN size(kept) > $skip THEN kept[$skip..($skip + $limit)] ELSE [null] END AS page
UNWIND range(0, size(page) - 1) AS i
WITH found, keptCount, CASE WHEN i = 0 AND found = $fetch AND keptCount < $skip + $limit THEN seen END AS seen, page[i].node AS node, page[i].score AS score
RETURN found, keptCount, seen, node {.id, .type, .label, .subtitle, .cardKind, .potentialVictim, .suspect, .safeguarded, .riskScore, .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, recordedAt: toString(node.recordedAt), searchText: node.searchText, degree: @visibleDegree(node)} AS node, score
