// One link by id, with its ends. Link ids are unique within their type, and each type has its own
// relationship index (the *_id constraints, from the registry), so this seeks each type's index
// once instead of scanning every relationship: the loader writes the branch once per link type of
// the registry, an installation's own included (server/db/cypher.ts).
// $visibleOnly: leave out retired links and links touching retired entities.
CALL () {
  @eachLinkType MATCH (a)-[r:$LinkType {id: $id}]->(b) RETURN r, a, b
}
WITH r, a, b
WHERE (NOT $visibleOnly OR (NOT coalesce(r.retired, false) AND NOT coalesce(a.retired, false) AND NOT coalesce(b.retired, false)))
  AND @visible(r)
  AND @visible(a)
  AND @visible(b)
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS link,
       a {.*, searchText: null, degree: @visibleDegree(a)} AS source,
       b {.*, searchText: null, degree: @visibleDegree(b)} AS target,
       elementId(r) AS elementId
LIMIT 1
