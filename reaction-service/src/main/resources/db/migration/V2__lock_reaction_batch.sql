-- A group commit's first step in one round trip (ReactionWriter): take the shared advisory lock of
-- every snack of the batch (a cache rebuild takes it exclusively), then make sure each member's row
-- exists and lock it, returning it with its snack's current cache epoch. Each statement of a
-- volatile function reads with a snapshot of its own, so the epochs and rows are read after the
-- locks are held: what a rebuild committed before them is seen. Keys of unknown snacks get no row and
-- are not returned. The changes themselves are planned in Java (ReactionRows).
CREATE FUNCTION lock_reaction_batch(namespace integer, uids text[], snacks text[], members bigint[])
  RETURNS TABLE (snack_uid text, member_id bigint, cache_epoch bigint, type text, epoch bigint,
                 seq bigint)
  LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
BEGIN
  -- uids, and the keys (by uid, then member), sorted by the caller: every batch takes the locks and
  -- the rows in one order, kept here by the arrays' order (integers) rather than by sorting text
  -- again in the database's collation (a tenth of these backends' CPU)
  PERFORM pg_advisory_xact_lock_shared(namespace, hashtext(u)) FROM unnest(uids) AS u;
  -- rows first exist, then are locked and read: the reaction each change replaces is then exact
  -- even when another transaction writes the same member at the same time
  INSERT INTO reaction AS r (snack_uid, member_id, type, epoch, seq)
  SELECT k.snack_uid, k.member_id, NULL, 0, 0
  FROM unnest(snacks, members) WITH ORDINALITY AS k(snack_uid, member_id, n)
  JOIN snack s ON s.uid = k.snack_uid
  ORDER BY k.n
  ON CONFLICT DO NOTHING;
  RETURN QUERY
  SELECT r.snack_uid, r.member_id, s.cache_epoch, r.type, r.epoch, r.seq
  FROM reaction r
  JOIN unnest(snacks, members) WITH ORDINALITY AS k(snack_uid, member_id, n)
    ON r.snack_uid = k.snack_uid AND r.member_id = k.member_id
  JOIN snack s ON s.uid = r.snack_uid
  ORDER BY k.n
  FOR UPDATE OF r;
END
$$;
