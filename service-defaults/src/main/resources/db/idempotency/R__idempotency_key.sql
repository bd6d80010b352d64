-- Idempotency-Key records (service-defaults' IdempotentRequests), in the schema of the service that
-- adds classpath:db/idempotency to spring.flyway.locations: per member, the first request's hash and
-- its response, written in the transaction of the request's own change.
--
-- A repeatable migration on purpose, written to run on any database again: services that had this
-- table from their own versioned migrations before the component existed keep it (a versioned
-- migration here would land out of order in their history), and get the columns added since. Flyway
-- runs it again only when this file changes, so every statement must stay idempotent.
CREATE TABLE IF NOT EXISTS idempotency_key (
  member_id         bigint      NOT NULL,
  idempotency_key   text        NOT NULL,
  request_hash      text        NOT NULL,
  response_status   integer,
  response_body     text,
  response_location text,
  created_at        timestamptz NOT NULL,
  PRIMARY KEY (member_id, idempotency_key)
);
ALTER TABLE idempotency_key ADD COLUMN IF NOT EXISTS response_location text;
-- the purge's query
CREATE INDEX IF NOT EXISTS idempotency_key_created_at ON idempotency_key (created_at);
