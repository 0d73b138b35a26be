// Full-text search over names, aliases, addresses, phone forms, VRMs and business names
// (index entity_search on label and searchText), every hit scored: the rest of a page that runs
// past the best hits search/entities-top read, less those ($exclude, their ids). $query is a
// Lucene query built by server/modules/search/search.query.ts from caller text, every term
// escaped; it is a parameter, never query text. Results come in score order; type and retired
// filters, then the page.
// Entities come as the chart draws them (CHART_NODE_PROPERTIES in entity.mapper.ts), with the
// searchText that says which form matched.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE NOT node.id IN $exclude
  AND NOT coalesce(node.retired, false)
  AND @visible(node)
  // Masked callers cannot find a potential victim by their real name (the hit would disclose it).
  AND NOT ($scope.mask AND coalesce(node.potentialVictim, false))
  AND ($types IS NULL OR node.type IN $types)
WITH node, score
SKIP $skip
LIMIT $limit
RETURN node {.id, .type, .label, .subtitle, .cardKind, .potentialVictim, .suspect, .safeguarded, .riskScore, .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, recordedAt: toString(node.recordedAt), searchText: node.searchText, degree: @visibleDegree(node)} AS node, score
