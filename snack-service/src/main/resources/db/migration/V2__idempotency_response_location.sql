-- Idempotency-Key records are now service-defaults' (IdempotentRequests, table shape in
-- classpath:db/idempotency). Its stored response keeps the Location header itself, where this table
-- kept the created snack's uid: copy what the records of the last 24 hours need to replay it.
-- snack_uid is no longer written; it stays until no instance of the previous version can be running
-- (a later migration drops it).
ALTER TABLE idempotency_key ADD COLUMN IF NOT EXISTS response_location text;
UPDATE idempotency_key SET response_location = '/snacks/' || snack_uid
 WHERE snack_uid IS NOT NULL AND response_location IS NULL;
