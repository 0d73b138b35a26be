// Identities: every entity has a stable string id; natural keys are unique per type.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phone_e164 IF NOT EXISTS FOR (n:Phone) REQUIRE n.e164 IS UNIQUE;
CREATE CONSTRAINT email_address IF NOT EXISTS FOR (n:Email) REQUIRE n.address IS UNIQUE;
CREATE CONSTRAINT vehicle_vrm IF NOT EXISTS FOR (n:Vehicle) REQUIRE n.vrm IS UNIQUE;
CREATE CONSTRAINT bank_account_key IF NOT EXISTS FOR (n:BankAccount) REQUIRE n.accountKey IS UNIQUE;
CREATE CONSTRAINT organisation_company_number IF NOT EXISTS FOR (n:Organisation) REQUIRE n.companyNumber IS UNIQUE;
CREATE CONSTRAINT advert_content_hash IF NOT EXISTS FOR (n:Advert) REQUIRE n.contentHash IS UNIQUE;
CREATE CONSTRAINT source_record_id IF NOT EXISTS FOR (n:SourceRecord) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT annotation_id IF NOT EXISTS FOR (n:Annotation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chart_id IF NOT EXISTS FOR (n:Chart) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chart_name IF NOT EXISTS FOR (n:Chart) REQUIRE n.name IS UNIQUE;
// Typed labels carry their own id constraint too, so that MATCH (p:Person {id: $id}) is an index seek.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT premises_id IF NOT EXISTS FOR (n:Premises) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phone_id IF NOT EXISTS FOR (n:Phone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT email_id IF NOT EXISTS FOR (n:Email) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT vehicle_id IF NOT EXISTS FOR (n:Vehicle) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT bank_account_id IF NOT EXISTS FOR (n:BankAccount) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT advert_id IF NOT EXISTS FOR (n:Advert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT offence_id IF NOT EXISTS FOR (n:Offence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT operation_id IF NOT EXISTS FOR (n:Operation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT visit_id IF NOT EXISTS FOR (n:Visit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT referral_id IF NOT EXISTS FOR (n:Referral) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT risk_factor_id IF NOT EXISTS FOR (n:RiskFactor) REQUIRE n.id IS UNIQUE;
