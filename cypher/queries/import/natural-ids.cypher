// The ids of entities already in the graph under a natural key (unique per type: a phone's
// E.164 number, an email address, a vehicle mark, an account key, a company number, an advert's
// content hash), so that an import joins them instead of colliding with them. Each lookup is an
// index seek on the key's uniqueness constraint.
CALL () {
  UNWIND $phones AS v MATCH (n:Phone {e164: v}) RETURN 'PHONE' AS type, v AS value, n.id AS id
  UNION ALL
  UNWIND $emails AS v MATCH (n:Email {address: v}) RETURN 'EMAIL' AS type, v AS value, n.id AS id
  UNION ALL
  UNWIND $vehicles AS v MATCH (n:Vehicle {vrm: v}) RETURN 'VEHICLE' AS type, v AS value, n.id AS id
  UNION ALL
  UNWIND $accounts AS v MATCH (n:BankAccount {accountKey: v}) RETURN 'BANK_ACCOUNT' AS type, v AS value, n.id AS id
  UNION ALL
  UNWIND $organisations AS v MATCH (n:Organisation {companyNumber: v}) RETURN 'ORGANISATION' AS type, v AS value, n.id AS id
  UNION ALL
  UNWIND $adverts AS v MATCH (n:Advert {contentHash: v}) RETURN 'ADVERT' AS type, v AS value, n.id AS id
}
RETURN type, value, id
