// Analysts' notes on an entity or link, newest first. Index: annotation_target.
MATCH (a:Annotation)
WHERE a.targetId = $targetId
RETURN a {.*} AS annotation
ORDER BY a.createdAt DESC
