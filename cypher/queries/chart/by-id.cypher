// One saved chart by its id (index seek on the chart_id constraint). A chart is a view: its
// document holds ids, positions and styling only, and its entities are read again through the
// caller's scope (graph/subgraph). Partners ($scope.shareAll false) open only charts shared with
// them; any other chart is answered as one that does not exist.
MATCH (c:Chart {id: $id})
WHERE $scope.shareAll OR c.sharedWithPartners = true
RETURN c.id AS id, c.name AS name, c.document AS document, coalesce(c.sharedWithPartners, false) AS sharedWithPartners,
       c.createdAt AS createdAt, c.updatedAt AS updatedAt
