// How many alerts the caller may see pass the filters of alerts/page, in all and per case.
MATCH (a:Alert)
WHERE ($status IS NULL OR a.status IN $status)
  AND ($caseId IS NULL OR a.caseId = $caseId)
  AND ($watchId IS NULL OR a.watchId = $watchId)
  AND ($assignee IS NULL OR a.assignee = $assignee)
  AND @visible(a)
RETURN a.caseId AS caseId, count(*) AS n, count(CASE WHEN a.status = 'NEW' THEN 1 END) AS open
ORDER BY caseId
