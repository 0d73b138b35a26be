// The records of review-queue pairs, side by side: every property but the search text, and the
// phones, emails and addresses the resolver compared (a person's homes, an organisation's
// premises, a premises' own address).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH (n)-[u:USES_PHONE|PREMISES_PHONE]->(ph:Phone)
  WHERE u.retired IS NULL
  RETURN collect(DISTINCT ph.e164) AS phones
}
CALL (n) {
  OPTIONAL MATCH (n)-[u:USES_EMAIL]->(e:Email)
  WHERE u.retired IS NULL
  RETURN collect(DISTINCT e.address) AS emails
}
CALL (n) {
  OPTIONAL MATCH (n)-[l:LIVES_AT|OPERATES]->(h:Premises)
  WHERE l.retired IS NULL
  RETURN collect(DISTINCT h.addressLine + coalesce(', ' + h.town, '') + coalesce(' ' + h.postcode, '')) AS places
}
RETURN n {.*, searchText: null, dateOfBirth: toString(n.dateOfBirth), recordedAt: toString(n.recordedAt), updatedAt: toString(n.updatedAt), resolvedAt: toString(n.resolvedAt),
          phones: phones, emails: emails,
          addresses: CASE WHEN n:Premises THEN [x IN [n.addressLine + coalesce(', ' + n.town, '') + coalesce(' ' + n.postcode, '')] WHERE x IS NOT NULL] ELSE places END} AS record
