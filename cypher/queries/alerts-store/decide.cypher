// An analyst's decision on alert $id: $status (NEW, CONFIRMED, DISMISSED) and $assignee (null
// leaves it), by $by with $reason; returns the alert before and after.
MATCH (a:Alert {id: $id})
WITH a, a.status AS before, a.assignee AS assignedBefore
SET a.status = $status,
    a.assignee = CASE WHEN $assign THEN $assignee ELSE a.assignee END,
    a.decidedBy = $by, a.decidedAt = datetime(), a.reason = $reason
RETURN before, assignedBefore, a {.*, raisedAt: toString(a.raisedAt), decidedAt: toString(a.decidedAt)} AS alert
