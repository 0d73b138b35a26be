// Restore: the loaded nodes lose the dump's ids.
MATCH (n:LanternRestore)
CALL { WITH n REMOVE n:LanternRestore, n.restoreId } IN TRANSACTIONS OF 5000 ROWS
