// Indexes for the lookups the API makes, and the full-text index behind `search`.
CREATE INDEX premises_postcode IF NOT EXISTS FOR (n:Premises) ON (n.postcodeCompact);
CREATE INDEX premises_town IF NOT EXISTS FOR (n:Premises) ON (n.town);
CREATE INDEX person_dob IF NOT EXISTS FOR (n:Person) ON (n.dateOfBirth);
CREATE INDEX person_ni IF NOT EXISTS FOR (n:Person) ON (n.niNumber);
CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);
CREATE INDEX source_record_key IF NOT EXISTS FOR (n:SourceRecord) ON (n.source, n.recordKey);
CREATE INDEX annotation_target IF NOT EXISTS FOR (n:Annotation) ON (n.targetId);
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.label, n.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
