// How the given entities are stored: their labels and the Cypher type of each property, for
// checking that the loader writes dates as dates and labels from the closed list.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, n.synthetic AS synthetic,
       [k IN keys(n) | [k, valueType(n[k])]] AS types
