-- Idempotent consumer (shared-events): the ids of the events this service has processed, recorded in
-- the same transaction as the work they caused, so a redelivered event changes nothing.
CREATE TABLE inbox (
  event_id     uuid        PRIMARY KEY,
  event_type   text        NOT NULL,
  topic        text        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now()
);
