// Adds a note on an entity, link, saved chart or case (the service checks the target exists and
// that the caller may see it), with its author.
CREATE (a:Annotation {id: $id, targetId: $targetId, text: $text, author: $author, createdAt: datetime()})
RETURN a {.*} AS annotation
