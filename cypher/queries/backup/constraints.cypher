// Backup: the statements that make the store's constraints again.
SHOW CONSTRAINTS YIELD createStatement
RETURN createStatement AS statement
