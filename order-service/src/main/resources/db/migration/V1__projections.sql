-- Projections of other services' events (snack.catalog.v1, snack.reactions.v1), kept by this service's
-- own consumers. They answer "may this snack be ordered, at what price" and "is it hated" locally,
-- without calling the snack- or reaction-service.

-- The catalog as the snack-service published it: one row per snack, replaced by every newer event.
CREATE TABLE catalog_snack (
  uid        text        PRIMARY KEY,
  name       text        NOT NULL,
  image_url  text,
  -- unconstrained NUMERIC keeps every digit the producer sent (6200.5 stays 6200.5)
  price      numeric     NOT NULL,
  currency   text        NOT NULL,
  status     text        NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
  -- occurred_at of the event the row reflects: an older event (a replay) never overwrites a newer one
  changed_at timestamptz NOT NULL
);

-- Reaction counts per snack, kept by applying each event's delta (previous -> current): exact in any
-- delivery order, so a count may be briefly negative while events arrive out of order.
CREATE TABLE snack_reaction_count (
  snack_uid text   PRIMARY KEY,
  likes     bigint NOT NULL DEFAULT 0,
  hates     bigint NOT NULL DEFAULT 0
);
