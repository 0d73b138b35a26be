// Restore: the index on the dump's ids goes once they have.
DROP INDEX lantern_restore_id IF EXISTS
