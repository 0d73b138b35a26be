// Restore: a batch of the dump's nodes, marked with their id in it until the relationships are in.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
SET n:LanternRestore, n.restoreId = row.id
