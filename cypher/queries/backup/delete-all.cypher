// Restore --force: empties the database in batches (its schema stays).
MATCH (n)
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
