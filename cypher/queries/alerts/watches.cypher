// The watches the caller may list: their own, or everyone's for callers who may read unshareable
// facts (partners see only their own); $active (null: any), $caseId (null: any).
MATCH (w:Watch)
WHERE ($scope.shareAll OR w.owner = $owner)
  AND ($active IS NULL OR w.active = $active)
  AND ($caseId IS NULL OR w.caseId = $caseId)
RETURN w {.*, createdAt: toString(w.createdAt), endedAt: toString(w.endedAt)} AS watch
ORDER BY w.createdAt DESC
LIMIT 500
