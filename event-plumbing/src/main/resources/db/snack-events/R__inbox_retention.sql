-- The inbox's retention purge (InboxRetention) finds old rows by processed_at. A BRIN index: rows are
-- appended in processed_at order, so it stays a few pages and costs the consumers' inserts next to nothing.
-- Repeatable (not V0_3): a versioned shared migration would sort below the services' applied V1+.
CREATE INDEX IF NOT EXISTS inbox_processed_at ON inbox USING brin (processed_at);
