-- Transactional outbox (shared-events). Rows are written in the same transaction as the state change
-- and published to Kafka, oldest first, by the OutboxRelay. Unqualified names: the table lands in the
-- service's own schema through its role's search_path.
CREATE TABLE outbox (
  id            bigserial   PRIMARY KEY,
  event_id      uuid        NOT NULL UNIQUE,
  topic         text        NOT NULL,
  aggregate_id  text        NOT NULL,
  event_type    text        NOT NULL,
  event_version integer     NOT NULL,
  -- the full encoded envelope, sent to Kafka byte for byte
  payload       text        NOT NULL,
  -- extra Kafka headers (trace context), a JSON object of strings
  headers       jsonb       NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now(),
  published_at  timestamptz
);

-- the relay's query: the oldest unpublished rows
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
