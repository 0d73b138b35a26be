// Restore: a batch of the dump's relationships between nodes loaded by load-nodes.
UNWIND $rows AS row
MATCH (a:LanternRestore {restoreId: row.start})
MATCH (b:LanternRestore {restoreId: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
