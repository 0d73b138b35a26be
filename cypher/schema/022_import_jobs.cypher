// Import jobs started from the workspace (startImport): one (:ImportJob) per upload, with its
// progress, so that any server instance can answer importJob.
CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (n:ImportJob) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_job_started IF NOT EXISTS FOR (n:ImportJob) ON (n.startedAt);
