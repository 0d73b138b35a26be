// The saved charts the caller may open (partners, $scope.shareAll false: only those shared with
// them), most recently saved first, with the ids of their entities and links but not their
// documents: the service counts what the caller may see of them through graph/subgraph.
MATCH (c:Chart)
WHERE $scope.shareAll OR c.sharedWithPartners = true
RETURN c.id AS id, c.name AS name, coalesce(c.nodeIds, []) AS nodeIds, coalesce(c.edgeIds, []) AS edgeIds,
       coalesce(c.sharedWithPartners, false) AS sharedWithPartners, c.createdAt AS createdAt, c.updatedAt AS updatedAt
ORDER BY c.updatedAt DESC, c.name
