// How many entities are marked for the alert engine.
MATCH (d:AlertDirty)
RETURN count(d) AS n
