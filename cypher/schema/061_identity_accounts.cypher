// Identity-provider (JWT) users Lantern has seen, so that they can be made case members
// (decision 0041): one node per principal id (jwt:ISSUER:SUBJECT), found by the name it maps to.
CREATE CONSTRAINT identity_account_id IF NOT EXISTS FOR (n:IdentityAccount) REQUIRE n.id IS UNIQUE;
CREATE INDEX identity_account_name IF NOT EXISTS FOR (n:IdentityAccount) ON (n.name);
