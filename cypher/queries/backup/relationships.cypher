// Backup: every relationship, its ends (by the nodes' element ids in the same dump), type and properties.
MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS props
