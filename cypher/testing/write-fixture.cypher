// Test fixtures only: writes entities ($entities: [{id, type, label, props, searchText, grading, recordedAt}])
// and links ($links: [{id, type, from, to, props, grading, recordedAt, validFrom, validTo}]).
// Labels and types come from the closed lists in server/model/model.ts (the fixture writer checks).
UNWIND $entities AS e
CREATE (n:Entity)
SET n:$(e.label), n += e.props, n += e.grading, n.id = e.id, n.type = e.type, n.label = e.display,
    n.searchText = e.searchText, n.recordedAt = datetime(e.recordedAt), n.updatedAt = datetime(e.recordedAt),
    n.sourceIds = e.sourceIds, n.synthetic = true
WITH count(*) AS created
UNWIND $links AS l
MATCH (a:Entity {id: l.from})
MATCH (b:Entity {id: l.to})
CREATE (a)-[r:$(l.type)]->(b)
SET r += l.props, r += l.grading, r.id = l.id, r.recordedAt = datetime(l.recordedAt),
    r.validFrom = date(l.validFrom), r.validTo = date(l.validTo), r.sourceIds = l.sourceIds
RETURN count(*) AS links
