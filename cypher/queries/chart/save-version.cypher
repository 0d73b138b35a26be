// Saves a chart by name as a new version (decision 0035): overwrites the chart's current document,
// or creates the chart (its owner: the caller), and keeps the document as (:ChartVersion) number
// `version`. The service has checked the caller may edit a chart of that name. $restoredFrom: the
// version this one restores, or null. $sharedWithPartners null keeps the chart's setting.
MERGE (c:Chart {name: $name})
  ON CREATE SET c.id = $id, c.createdAt = datetime(), c.ownerId = $ownerId, c.ownerName = $savedBy
SET c.document = $document,
    c.nodeIds = $nodeIds,
    c.edgeIds = $edgeIds,
    c.sharedWithPartners = coalesce($sharedWithPartners, c.sharedWithPartners, false),
    c.updatedAt = datetime(),
    c.version = coalesce(c.version, 0) + 1,
    c.savedBy = $savedBy
REMOVE c.nodeCount, c.edgeCount
CREATE (v:ChartVersion {chartId: c.id, version: c.version, document: $document, nodeIds: $nodeIds, edgeIds: $edgeIds,
                        savedAt: c.updatedAt, savedBy: $savedBy, restoredFrom: $restoredFrom})
RETURN c.id AS id, c.version AS version
