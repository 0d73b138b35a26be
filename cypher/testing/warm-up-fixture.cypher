// Tests only: demo people for the warm-up's starting point. `linked`: one who is not a potential
// victim, with 3 to 40 links, at least one of them to a potential victim. `victim`: a potential
// victim with 3 to 40 links. Both the demo's ($demo: its entity ids, which no suite writes to).
CALL () {
  MATCH (p:Person)
  WHERE p.id IN $demo AND NOT coalesce(p.potentialVictim, false) AND NOT coalesce(p.retired, false)
    AND 3 <= COUNT { (p)--(:Entity) } <= 40
    AND EXISTS { (p)--(v:Person) WHERE v.potentialVictim }
  RETURN p.id AS linked
  ORDER BY p.id
  LIMIT 1
}
CALL () {
  MATCH (v:Person)
  WHERE v.id IN $demo AND v.potentialVictim AND NOT coalesce(v.retired, false) AND 3 <= COUNT { (v)--(:Entity) } <= 40
  RETURN v.id AS victim
  ORDER BY v.id
  LIMIT 1
}
RETURN linked, victim
