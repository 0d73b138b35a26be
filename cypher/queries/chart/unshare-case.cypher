// Takes a chart out of a case; returns how many holdings ended (0 or 1).
MATCH (k:Case {id: $caseId})-[h:HOLDS]->(c:Chart {id: $id})
DELETE h
RETURN count(*) AS ended
