-- Orders, their purchases, their recorded status transitions, the snacks held by undelivered orders,
-- and the Idempotency-Key records of POST /orders.

CREATE TABLE orders (
  id                     bigserial   PRIMARY KEY,
  uid                    text        NOT NULL UNIQUE,
  status                 text        NOT NULL
    CHECK (status IN ('CREATED', 'APPROVED', 'ORDERED', 'SHIPPING', 'COMPLETED', 'CANCELLED')),
  owner_id               bigint      NOT NULL,
  owner_email            text        NOT NULL,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  estimated_arrival_time timestamptz,
  -- the creation date in the business time zone (snack.business-time-zone), fixed at creation
  created_year           smallint    NOT NULL,
  created_month          smallint    NOT NULL CHECK (created_month BETWEEN 1 AND 12),
  created_day            smallint    NOT NULL CHECK (created_day BETWEEN 1 AND 31),
  -- optimistic lock: every change is UPDATE ... WHERE version = <the version read>
  version                bigint      NOT NULL DEFAULT 0
);

CREATE INDEX orders_created_at ON orders (created_at, id);
CREATE INDEX orders_business_date ON orders (created_year, created_month, created_day);
CREATE INDEX orders_owner ON orders (owner_id);
CREATE INDEX orders_status ON orders (status);

-- One purchase: the snack, how many, and its unit price and currency copied from the catalog when the
-- order was placed or last edited. A snack appears at most once per order.
CREATE TABLE order_line (
  order_id   bigint  NOT NULL REFERENCES orders (id),
  position   integer NOT NULL,
  snack_uid  text    NOT NULL,
  snack_name text    NOT NULL,
  quantity   integer NOT NULL CHECK (quantity >= 1),
  unit_price numeric NOT NULL CHECK (unit_price >= 0),
  currency   text    NOT NULL,
  PRIMARY KEY (order_id, snack_uid)
);

-- "A snack already in an undelivered order cannot be put in another order", decided by the primary key:
-- rows are inserted in the transaction that places or edits an order and deleted when it is completed or
-- cancelled, so of two orders racing for one snack exactly one gets the row.
CREATE TABLE held_snack (
  snack_uid text   PRIMARY KEY,
  order_id  bigint NOT NULL REFERENCES orders (id)
);

CREATE INDEX held_snack_order ON held_snack (order_id);

-- Every status transition, the creation (NULL -> CREATED) included.
CREATE TABLE order_status_change (
  id                     bigserial   PRIMARY KEY,
  order_id               bigint      NOT NULL REFERENCES orders (id),
  from_status            text,
  to_status              text        NOT NULL,
  changed_by             bigint      NOT NULL,
  changed_at             timestamptz NOT NULL,
  estimated_arrival_time timestamptz
);

CREATE INDEX order_status_change_order ON order_status_change (order_id, id);

-- Idempotency-Key of POST /orders, per member: the first response is kept for 24 hours and replayed for
-- the same request; the primary key makes concurrent requests with one key wait for the first.
CREATE TABLE idempotency_key (
  member_id       bigint      NOT NULL,
  idempotency_key text        NOT NULL,
  request_hash    text        NOT NULL,
  response_status integer,
  response_body   text,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (member_id, idempotency_key)
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
