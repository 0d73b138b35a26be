// Every person record (retired ones left out) with what the resolver compares: names, date of
// birth, gender, identifiers, and the phones, emails and homes it is linked to; `isNew` when
// `lantern resolve` has not seen it yet (incremental runs score only pairs touching new ones).
// $prefixes: null for every person, or source record id prefixes (`src-<source>-`) to resolve
// the records of some sources only. $identifiers: the identifier properties to read, each
// [{kind, property}] (ni: niNumber, passport: passportNumber, ...), returned as `kind:value`.
MATCH (p:Person)
WHERE p.retired IS NULL
  AND ($prefixes IS NULL OR any(x IN p.sourceIds WHERE any(pre IN $prefixes WHERE x STARTS WITH pre)))
CALL (p) {
  OPTIONAL MATCH (p)-[u:USES_PHONE]->(ph:Phone)
  WHERE u.retired IS NULL
  RETURN collect(DISTINCT ph.e164) AS phones
}
CALL (p) {
  OPTIONAL MATCH (p)-[u:USES_EMAIL]->(e:Email)
  WHERE u.retired IS NULL
  RETURN collect(DISTINCT e.address) AS emails
}
CALL (p) {
  OPTIONAL MATCH (p)-[l:LIVES_AT]->(h:Premises)
  WHERE l.retired IS NULL
  RETURN collect(DISTINCT h.postcode) AS postcodes, collect(DISTINCT h.addressLine) AS addresses, collect(DISTINCT h.town) AS towns
}
RETURN p.id AS id, p.sourceIds[0] AS source, p.givenName AS givenName, p.familyName AS familyName, p.fullName AS fullName,
       p.aliases AS aliases, toString(p.dateOfBirth) AS dateOfBirth, p.gender AS gender,
       [i IN $identifiers WHERE p[i.property] IS NOT NULL | i.kind + ':' + toString(p[i.property])] AS identifiers,
       phones, emails, postcodes, addresses, towns,
       p.resolvedAt IS NULL AS isNew
