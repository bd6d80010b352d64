-- The snacks this service knows, a projection of snack.catalog.v1 (snack-service owns the catalog).
CREATE TABLE snack (
  uid         text        PRIMARY KEY,
  status      text        NOT NULL,
  -- time of the last catalog event applied (payload time), so an older event never overwrites a newer one
  catalog_at  timestamptz NOT NULL,
  -- generation of this snack's Redis cache: raised by every rebuild (see ReactionCacheLoader)
  cache_epoch bigint      NOT NULL DEFAULT 0
);

-- One row per member and snack, ever: type NULL is a withdrawn reaction, kept (with its position) so a
-- late-committing older change can never overwrite a newer one.
CREATE TABLE reaction (
  snack_uid  text        NOT NULL REFERENCES snack (uid),
  member_id  bigint      NOT NULL,
  type       text        CHECK (type IN ('LIKE', 'HATE')),
  -- the decision's position: (cache epoch, per-snack sequence number within that epoch)
  epoch      bigint      NOT NULL,
  seq        bigint      NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (snack_uid, member_id)
);
