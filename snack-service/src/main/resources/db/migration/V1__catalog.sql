-- The snack catalog. Unqualified names: the tables land in schema "catalog" through the role's
-- search_path (and Flyway's default schema).

CREATE TABLE snack (
  id                  bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the short opaque id the API exposes (sn_ + 10 base62 characters)
  uid                 text          NOT NULL,
  -- as shown: trimmed, whitespace runs collapsed
  name                text          NOT NULL,
  -- the duplicate-name rule's key (SnackName): NFKC, lower case, whitespace collapsed
  name_key            text          NOT NULL,
  url                 text          NOT NULL,
  description         text          NOT NULL DEFAULT '',
  currency            text          NOT NULL CHECK (currency IN ('KRW', 'USD', 'JPY')),
  -- KRW and JPY have no decimals, USD two (Currency); the column fits the widest
  price               numeric(14,2) NOT NULL CHECK (price >= 0),
  status              text          NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
  has_image           boolean       NOT NULL DEFAULT false,
  -- the projection of snack.reactions.v1 (ReactionCounts); never part of an edit's version
  like_reaction_count bigint        NOT NULL DEFAULT 0,
  hate_reaction_count bigint        NOT NULL DEFAULT 0,
  -- likes / max(hates, 1), kept by PostgreSQL with the counts, so sorting by it is an index scan
  like_ratio          numeric(24,6) GENERATED ALWAYS AS
                        (round(like_reaction_count::numeric / greatest(hate_reaction_count, 1), 6)) STORED,
  -- optimistic lock of admin edits
  version             bigint        NOT NULL DEFAULT 0,
  registered_by       bigint        NOT NULL,
  created_at          timestamptz   NOT NULL DEFAULT now(),
  updated_at          timestamptz   NOT NULL DEFAULT now(),
  -- the unique indexes also serve the name and uid orders of the list (see below)
  CONSTRAINT snack_uid_key UNIQUE (uid) INCLUDE (id, status),
  CONSTRAINT snack_name_key_key UNIQUE (name_key) INCLUDE (id, status)
);

-- One index per list order, each ending in id (the tiebreaker SnackOrdering appends) and covering the
-- status filter. A list page picks its ids from one of these with an index-only scan (Snacks.pageSql),
-- so even a deep OFFSET page never sorts or reads the whole table.
CREATE INDEX snack_default_order
  ON snack (like_ratio DESC, like_reaction_count DESC, created_at, id) INCLUDE (status);
CREATE INDEX snack_like_ratio_order ON snack (like_ratio, id) INCLUDE (status);
CREATE INDEX snack_like_count_order ON snack (like_reaction_count, id) INCLUDE (status);
CREATE INDEX snack_hate_count_order ON snack (hate_reaction_count, id) INCLUDE (status);
CREATE INDEX snack_created_at_order ON snack (created_at, id) INCLUDE (status);
CREATE INDEX snack_price_order ON snack (price, id) INCLUDE (status);

-- Pictures live apart from the snack rows, so lists never read them.
CREATE TABLE snack_image (
  snack_id     bigint      PRIMARY KEY REFERENCES snack (id),
  content_type text        NOT NULL
                 CHECK (content_type IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp')),
  size_bytes   integer     NOT NULL CHECK (size_bytes > 0),
  -- hex SHA-256 of data: the strong ETag
  sha256       text        NOT NULL,
  data         bytea       NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
-- images are compressed already: store them out of line without trying to compress them again
ALTER TABLE snack_image ALTER COLUMN data SET STORAGE EXTERNAL;

-- Reaction deltas for snack uids this service does not know, kept instead of dropped; folded into the
-- snack if one with that uid is registered (ReactionCounts).
CREATE TABLE pending_reaction_count (
  snack_uid     text        PRIMARY KEY,
  like_delta    bigint      NOT NULL DEFAULT 0,
  hate_delta    bigint      NOT NULL DEFAULT 0,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now()
);

-- Idempotency-Key of POST /snacks/ (per member): the first request's hash and response, written in the
-- transaction of the registration itself.
CREATE TABLE idempotency_key (
  member_id       bigint      NOT NULL,
  idempotency_key text        NOT NULL,
  request_hash    text        NOT NULL,
  response_status integer,
  response_body   text,
  snack_uid       text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, idempotency_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
