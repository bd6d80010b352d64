-- Statistics projections, all rebuilt from the event streams (POST /statistics/rebuild empties them and
-- replays the topics). Unqualified names: the tables land in the statistics schema via the role's search_path.

-- One row per order: what the order currently contributes to the buckets, so a later event can take
-- that contribution back out (status change, revision) before adding the new one.
CREATE TABLE order_fact (
  uid           text        PRIMARY KEY,
  -- null until the order.placed event was seen (an order can first be known from another event)
  owner_id      bigint,
  owner_email   text,
  status        text        NOT NULL,
  created_at    timestamptz NOT NULL,
  -- the creation day in the business time zone; the day whose buckets hold the order
  local_date    date        NOT NULL,
  placed        boolean     NOT NULL,
  -- when the current lines were decided (placed: created_at, revised: revised_at) and by which kind
  lines_at      timestamptz,
  lines_revised boolean     NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_fact_by_day ON order_fact (local_date, created_at);

CREATE TABLE order_fact_line (
  order_uid  text    NOT NULL REFERENCES order_fact (uid) ON DELETE CASCADE,
  line_no    integer NOT NULL,
  snack_uid  text    NOT NULL,
  snack_name text,
  quantity   integer NOT NULL,
  unit_price numeric NOT NULL,
  currency   text    NOT NULL,
  PRIMARY KEY (order_uid, line_no)
);

-- Buckets: grain 'D' is one business day (bucket = the day), 'M' one month (bucket = its first day).
-- Every order is counted in both grains; a query sums whole months from 'M' rows and the remaining
-- days from 'D' rows, so its cost depends on the length of the period, not on the number of orders.

-- Orders per status. snack_quantity is 0 for CANCELLED (a cancelled order keeps no quantity).
CREATE TABLE order_bucket (
  grain          text   NOT NULL CHECK (grain IN ('D', 'M')),
  bucket         date   NOT NULL,
  status         text   NOT NULL,
  order_count    bigint NOT NULL,
  snack_quantity bigint NOT NULL,
  PRIMARY KEY (grain, bucket, status)
);

-- Money per currency of the orders that are not cancelled; line_count tells a currency that is
-- present (even at amount 0) from one that no longer is.
CREATE TABLE order_bucket_total (
  grain      text    NOT NULL CHECK (grain IN ('D', 'M')),
  bucket     date    NOT NULL,
  currency   text    NOT NULL,
  line_count bigint  NOT NULL,
  amount     numeric NOT NULL,
  PRIMARY KEY (grain, bucket, currency)
);

-- Per snack, orders that are not cancelled.
CREATE TABLE snack_bucket (
  grain       text   NOT NULL CHECK (grain IN ('D', 'M')),
  bucket      date   NOT NULL,
  snack_uid   text   NOT NULL,
  order_count bigint NOT NULL,
  quantity    bigint NOT NULL,
  PRIMARY KEY (grain, bucket, snack_uid)
);

CREATE TABLE snack_bucket_total (
  grain      text    NOT NULL CHECK (grain IN ('D', 'M')),
  bucket     date    NOT NULL,
  snack_uid  text    NOT NULL,
  currency   text    NOT NULL,
  line_count bigint  NOT NULL,
  amount     numeric NOT NULL,
  PRIMARY KEY (grain, bucket, snack_uid, currency)
);

-- Every snack the streams mention: its name (catalog first, else the name on its latest order line)
-- and its reaction counts (sums of the previous -> current deltas).
CREATE TABLE snack (
  uid             text        PRIMARY KEY,
  catalog_name    text,
  catalog_name_at timestamptz,
  line_name       text,
  line_name_at    timestamptz,
  like_count      bigint      NOT NULL DEFAULT 0,
  hate_count      bigint      NOT NULL DEFAULT 0
);

-- How far each consumed topic has been applied, for GET /statistics/freshness.
CREATE TABLE stream_progress (
  topic                  text        PRIMARY KEY,
  events_applied         bigint      NOT NULL,
  last_event_occurred_at timestamptz NOT NULL,
  last_applied_at        timestamptz NOT NULL
);
