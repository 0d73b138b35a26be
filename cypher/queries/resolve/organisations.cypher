// Every organisation record (retired ones left out) with what the resolver compares: name,
// company number, the phones and emails it uses, and where it is (its own address, and the
// premises it operates or is registered at); `isNew` when `lantern resolve` has not seen it yet.
// $prefixes: null for every organisation, or source record id prefixes (`src-<source>-`).
MATCH (o:Organisation)
WHERE o.retired IS NULL
  AND ($prefixes IS NULL OR any(x IN o.sourceIds WHERE any(pre IN $prefixes WHERE x STARTS WITH pre)))
CALL (o) {
  OPTIONAL MATCH (o)-[u:USES_PHONE]->(ph:Phone)
  WHERE u.retired IS NULL
  RETURN collect(DISTINCT ph.e164) AS phones
}
CALL (o) {
  OPTIONAL MATCH (o)-[u:USES_EMAIL]->(e:Email)
  WHERE u.retired IS NULL
  RETURN collect(DISTINCT e.address) AS emails
}
CALL (o) {
  OPTIONAL MATCH (o)-[r:OPERATES|REGISTERED_AT]->(h:Premises)
  WHERE r.retired IS NULL
  RETURN collect(DISTINCT h.postcode) AS postcodes, collect(DISTINCT h.addressLine) AS addresses
}
RETURN o.id AS id, o.sourceIds[0] AS source, o.name AS name, o.companyNumber AS companyNumber, phones, emails,
       [x IN postcodes + [o.postcode] WHERE x IS NOT NULL] AS postcodes,
       [x IN addresses + [o.addressLine] WHERE x IS NOT NULL] AS addresses,
       o.resolvedAt IS NULL AS isNew
