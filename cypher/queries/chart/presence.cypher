// The presence heartbeat (decision 0035): records that the caller has chart $chartId open, and
// returns who else has (a heartbeat within $windowSeconds), the chart's latest version, who saved
// it and when, and how many notes it has. One small write, every 10-15 s per open chart.
MERGE (p:ChartPresence {chartId: $chartId, principalId: $principalId})
  ON CREATE SET p.since = datetime()
SET p.name = $name, p.via = $via, p.seenAt = datetime()
WITH p
MATCH (c:Chart {id: $chartId})
RETURN coalesce(c.version, 0) AS version, c.savedBy AS changedBy, c.updatedAt AS changedAt,
       COLLECT {
         MATCH (o:ChartPresence {chartId: $chartId})
         WHERE o.principalId <> $principalId AND o.seenAt > datetime() - duration({seconds: $windowSeconds})
         RETURN o {.name, .via, .since, .seenAt} AS other
       } AS others,
       COUNT { MATCH (a:Annotation) WHERE a.targetId = $chartId } AS noteCount
