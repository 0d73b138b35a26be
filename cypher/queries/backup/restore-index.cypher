// Restore: nodes are found by their id in the dump while relationships are loaded.
CREATE INDEX lantern_restore_id IF NOT EXISTS FOR (n:LanternRestore) ON (n.restoreId)
