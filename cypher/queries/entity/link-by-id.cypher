// One link by id, with its ends. Link ids are unique within their type, and each type has its own
// relationship index (the *_id constraints), so this seeks each type's index once instead of
// scanning every relationship. Keep the branches in step with LINK_TYPES (a unit test checks).
// $visibleOnly: leave out retired links and links touching retired entities.
CALL () {
  MATCH (a)-[r:USES_PHONE {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:USES_EMAIL {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:LIVES_AT {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:WORKS_AT {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:ASSOCIATE_OF {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:KEEPER_OF {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:DRIVES {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:VEHICLE_SEEN_AT {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:HOLDS_ACCOUNT {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:DIRECTOR_OF {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:OPERATES {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:PREMISES_PHONE {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:ADVERT_LISTS_PHONE {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:ADVERT_LOCATED_AT {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:ADVERT_FEATURES {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:CALLED {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:INVOLVED_IN {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:OCCURRED_AT {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:INCLUDES_VISIT {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:VISIT_AT {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:ENCOUNTERED {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:REFERRAL_FOR {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:HAS_RISK_FACTOR {id: $id}]->(b) RETURN r, a, b
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
