// Test fixture for the access-control tests: an entity A that partners may see, with a neighbour V
// they may see through a shareable link, and a hidden neighbour H (handling C or OFFICIAL-SENSITIVE)
// through which A reaches Y (visible, not directly linked to A) in two links. Small degrees, so
// that limits do not cut what the tests look for. All four are the demo's ($demo: its entity ids),
// which no suite writes to, so that the pick is the same whatever other suites run beside.
MATCH (h:Entity)
WHERE h.id IN $demo AND (h.handlingCode = 'C' OR h.classification = 'OFFICIAL-SENSITIVE') AND NOT coalesce(h.retired, false)
  AND NOT coalesce(h.potentialVictim, false) AND size(h.label) > 4 AND h.type IN ['PERSON', 'PREMISES', 'ORGANISATION', 'VEHICLE']
WITH h
ORDER BY h.id
LIMIT 300
MATCH (a:Entity)-[r2]-(h)-[r3]-(y:Entity)
WHERE a <> y AND a.id IN $demo AND y.id IN $demo AND NOT coalesce(r2.retired, false) AND NOT coalesce(r3.retired, false)
  AND a.handlingCode = 'P' AND a.classification = 'OFFICIAL' AND NOT coalesce(a.retired, false) AND NOT coalesce(a.potentialVictim, false)
  AND y.handlingCode = 'P' AND y.classification = 'OFFICIAL' AND NOT coalesce(y.retired, false)
WITH a, h, y
LIMIT 2000
WHERE COUNT { (a)--() } < 40 AND COUNT { (y)--() } < 60 AND NOT EXISTS { (a)--(y) }
MATCH (a)-[r1]-(v:Entity)
WHERE v <> h AND v <> y AND v.id IN $demo
  AND r1.handlingCode = 'P' AND r1.classification = 'OFFICIAL' AND NOT coalesce(r1.retired, false)
  AND v.handlingCode = 'P' AND v.classification = 'OFFICIAL' AND NOT coalesce(v.retired, false) AND NOT coalesce(v.potentialVictim, false)
RETURN a.id AS a, v.id AS v, h.id AS h, h.label AS hLabel, h.type AS hType, y.id AS y
ORDER BY a.id, v.id, h.id, y.id
LIMIT 1
