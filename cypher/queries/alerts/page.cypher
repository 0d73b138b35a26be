// A page of alerts the caller may see (an alert carries the most restrictive grading of its
// evidence when it was raised), newest first, filtered by $status (a list or null), $caseId,
// $watchId and $assignee (null: any). $offset, $limit.
MATCH (a:Alert)
WHERE ($status IS NULL OR a.status IN $status)
  AND ($caseId IS NULL OR a.caseId = $caseId)
  AND ($watchId IS NULL OR a.watchId = $watchId)
  AND ($assignee IS NULL OR a.assignee = $assignee)
  AND @visible(a)
RETURN a {.*, raisedAt: toString(a.raisedAt), decidedAt: toString(a.decidedAt)} AS alert
ORDER BY a.raisedAt DESC, a.id
SKIP $offset
LIMIT $limit
