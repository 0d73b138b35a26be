// Backup: every node with its labels and properties (read in the backup's one transaction).
MATCH (n)
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
