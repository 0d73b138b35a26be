// How many entities are marked dirty.
MATCH (d:ScoreDirty)
RETURN count(d) AS n
