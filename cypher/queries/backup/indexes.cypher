// Backup: the statements that make the store's indexes again; not the token lookups every
// database has, nor those a constraint owns (its statement makes them).
SHOW INDEXES YIELD name, type, owningConstraint, createStatement
WHERE type <> 'LOOKUP' AND owningConstraint IS NULL AND name <> 'lantern_restore_id'
RETURN createStatement AS statement
