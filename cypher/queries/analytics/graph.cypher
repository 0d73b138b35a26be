// The whole visible graph for network analytics in one pass, at most $limit entities: each
// entity once, with its outgoing visible links as compact triples [target id, source evaluation,
// intelligence assessment] (all that the weighted metrics read). One row per entity instead of
// one per link, and three values per link instead of ten, so that the driver decodes a quarter of
// the values (analytics/nodes + analytics/links decoded ~36k links/s at 10k people; see
// docs/analytics.md). No ORDER BY: the caller sorts. potentialVictim travels so that the gateway
// masks victims' labels.
MATCH (n:Entity)
WHERE NOT coalesce(n.retired, false)
  AND @visible(n)
WITH n LIMIT $limit
RETURN n {.id, .type, .label, .kind, .potentialVictim, .postedOn} AS node,
       [(n)-[r]->(m:Entity)
        WHERE NOT coalesce(r.retired, false)
          AND NOT coalesce(m.retired, false)
          AND @visible(r)
          AND @visible(m)
        | [m.id, r.sourceEvaluation, r.intelligenceAssessment]] AS out
