// Every premises record (retired ones left out) with what the resolver compares: name, address
// line, town, postcode, UPRN and its phones; `isNew` when `lantern resolve` has not seen it yet.
// $prefixes: null for all premises, or source record id prefixes (`src-<source>-`).
MATCH (h:Premises)
WHERE h.retired IS NULL
  AND ($prefixes IS NULL OR any(x IN h.sourceIds WHERE any(pre IN $prefixes WHERE x STARTS WITH pre)))
CALL (h) {
  OPTIONAL MATCH (h)-[u:PREMISES_PHONE]->(ph:Phone)
  WHERE u.retired IS NULL
  RETURN collect(DISTINCT ph.e164) AS phones
}
RETURN h.id AS id, h.sourceIds[0] AS source, h.name AS name, h.addressLine AS addressLine, h.town AS town, h.postcode AS postcode,
       toString(h.uprn) AS uprn, phones, h.resolvedAt IS NULL AS isNew
