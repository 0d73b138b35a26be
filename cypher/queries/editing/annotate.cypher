// Adds an analyst's note on an entity or link (the service checks the target exists).
CREATE (a:Annotation {id: $id, targetId: $targetId, text: $text, author: $author, createdAt: datetime()})
RETURN a {.*} AS annotation
