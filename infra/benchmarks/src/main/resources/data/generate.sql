-- The benchmark's data set, written straight into every service's schema in one transaction, so
-- that every service sees the same members, snacks, reactions and orders. Run by DataGenerator as
-- the PostgreSQL superuser; {{name}} placeholders are numbers, a timestamp, a time zone and a bcrypt
-- hash that DataGenerator fills in. Each "-- step:" block is timed on its own.
--
-- Numbering (n = 1, 2, ...) is deterministic, so a run can find its data again:
--   member i:  bench-00000i@bench.snack.local (password: DataGenerator.PASSWORD)
--   snack n:   uid sn_bnch00000n, name "Bench snack 00000n"; every 50th is RETIRED
--   order n:   uid or_bnch00000n, created over the two years before {{now}}
-- Invariants the services rely on (checked by GeneratedDataIT):
--   * counts and ratios in catalog.snack, ordering.snack_reaction_count and statistics.snack equal
--     the rows of reaction.reaction;
--   * a snack is held (ordering.held_snack) by exactly the undelivered order that has it, and by at
--     most one;
--   * every order's history starts with null -> CREATED by its owner and ends in its status;
--   * the statistics' facts and buckets are the SQL aggregation of the same orders, by business day
--     ({{zone}}) and month.

-- step: members
CREATE TEMP TABLE bench_member (i int PRIMARY KEY, id bigint NOT NULL, email text NOT NULL)
  ON COMMIT DROP;
WITH inserted AS (
  INSERT INTO auth.member (email, password_hash, name, member_type, date_joined, token_version)
  SELECT 'bench-' || lpad(i::text, 6, '0') || '@bench.snack.local', '{{password_hash}}',
         'Bench Member ' || i, 'MEMBER', {{now}} - interval '3 years' + i * interval '1 minute', 0
  FROM generate_series(1, {{members}}) AS i
  RETURNING id, email)
INSERT INTO bench_member (i, id, email)
SELECT substring(email FROM 7 FOR 6)::int, id, email FROM inserted;

-- the bootstrap admin moves orders through the flow (0 where there is none, as in GeneratedDataIT)
CREATE TEMP TABLE bench_admin ON COMMIT DROP AS
SELECT coalesce(
         (SELECT min(id) FROM auth.member WHERE member_type = 'ADMIN' AND NOT is_deleted), 0) AS id;

-- step: snacks
-- registered between three years and 25 months ago, before any order; prices in each currency's
-- decimals (won and yen none, dollars two), as the snack-service's events carry them
CREATE TEMP TABLE bench_snack ON COMMIT DROP AS
SELECT n,
       'sn_bnch' || lpad(n::text, 6, '0') AS uid,
       'Bench snack ' || lpad(n::text, 6, '0') AS name,
       CASE n % 10 WHEN 3 THEN 'USD' WHEN 7 THEN 'JPY' ELSE 'KRW' END AS currency,
       CASE n % 10 WHEN 3 THEN round(1 + n % 20 + (n % 100) / 100.0, 2)
                   WHEN 7 THEN (100 + n * 13 % 50 * 10)::numeric
                   ELSE (500 + n * 37 % 96 * 100)::numeric END AS price,
       CASE WHEN n % 50 = 0 THEN 'RETIRED' ELSE 'ACTIVE' END AS status,
       t.created_at,
       CASE WHEN n % 50 = 0 THEN t.created_at + interval '30 days' ELSE t.created_at END AS updated_at,
       n * 7 % {{members}} + 1 AS registered_by
FROM generate_series(1, {{snacks}}) AS n,
     LATERAL (SELECT {{now}} - interval '1095 days'
                     + (n - 1) * (interval '330 days' / {{snacks}}) AS created_at) AS t;
ALTER TABLE bench_snack ADD PRIMARY KEY (n);

-- step: reactions (plan)
-- reaction j: the first base * snacks go round every snack, the rest round the popular snacks
-- (n = 1, 11, 21, ...); k is the reaction's number within its snack, and member (n * 7 + k) mod
-- members + 1 reacts, so one snack's members are distinct. Each snack has its own share of likes
-- (n mod 7 picks 90 % ... 20 %), so ratios spread and some snacks are hated.
CREATE TEMP TABLE bench_reaction ON COMMIT DROP AS
SELECT n, k, (n * 7 + k) % {{members}} + 1 AS member_i,
       CASE WHEN (n * 2654435761 + k * 40503) % 1000
                 < (ARRAY[900, 800, 700, 600, 500, 350, 200])[n % 7 + 1]
            THEN 'LIKE' ELSE 'HATE' END AS type
FROM (SELECT CASE WHEN j < {{base}}::bigint * {{snacks}} THEN j % {{snacks}} + 1
                  ELSE (j - {{base}}::bigint * {{snacks}}) % {{popular}} * 10 + 1 END AS n,
             CASE WHEN j < {{base}}::bigint * {{snacks}} THEN j / {{snacks}}
                  ELSE {{base}} + (j - {{base}}::bigint * {{snacks}}) / {{popular}} END AS k
      FROM generate_series(0::bigint, {{reactions}} - 1) AS j) AS r;

CREATE TEMP TABLE bench_count ON COMMIT DROP AS
SELECT s.n,
       count(r.n) FILTER (WHERE r.type = 'LIKE') AS likes,
       count(r.n) FILTER (WHERE r.type = 'HATE') AS hates
FROM bench_snack s LEFT JOIN bench_reaction r ON r.n = s.n
GROUP BY s.n;
ALTER TABLE bench_count ADD PRIMARY KEY (n);

-- step: snack-service (catalog)
INSERT INTO catalog.snack (uid, name, name_key, url, description, currency, price, status,
                           has_image, like_reaction_count, hate_reaction_count, version,
                           registered_by, created_at, updated_at)
SELECT s.uid, s.name, lower(s.name), 'https://snacks.example.com/' || s.uid,
       'Generated for the benchmark.', s.currency, s.price, s.status, false, c.likes, c.hates,
       CASE WHEN s.status = 'RETIRED' THEN 1 ELSE 0 END, m.id, s.created_at, s.updated_at
FROM bench_snack s JOIN bench_count c USING (n) JOIN bench_member m ON m.i = s.registered_by
ORDER BY s.n;

-- step: reaction-service
-- cache_epoch 0 and positions (0, k + 1): the first request of a snack rebuilds its Redis keys as
-- epoch 1, whose changes are newer than every generated row
INSERT INTO reaction.snack (uid, status, catalog_at, cache_epoch)
SELECT uid, status, updated_at, 0 FROM bench_snack ORDER BY uid;

INSERT INTO reaction.reaction (snack_uid, member_id, type, epoch, seq, changed_at)
SELECT s.uid, m.id, r.type, 0, r.k + 1, s.updated_at + interval '1 day' + r.k * interval '1 hour'
FROM bench_reaction r JOIN bench_snack s ON s.n = r.n JOIN bench_member m ON m.i = r.member_i
ORDER BY s.uid, m.id;

-- step: order-service (projections)
INSERT INTO ordering.catalog_snack (uid, name, image_url, price, currency, status, changed_at)
SELECT uid, name, NULL, price, currency, status, updated_at FROM bench_snack ORDER BY uid;

INSERT INTO ordering.snack_reaction_count (snack_uid, likes, hates)
SELECT s.uid, c.likes, c.hates
FROM bench_snack s JOIN bench_count c USING (n)
WHERE c.likes + c.hates > 0
ORDER BY s.uid;

-- step: orders (plan)
-- The status flow of an order, as the order-service records it (StatusFlow): flow 0 is completed
-- in five days, flow 1 (5 %) cancelled while CREATED, flow 2 (5 %) cancelled once APPROVED. An
-- order has taken the steps whose time has come, so the newest orders are still undelivered.
CREATE TEMP TABLE bench_flow (flow int, step int, from_status text, to_status text,
                              after interval, arrival interval) ON COMMIT DROP;
INSERT INTO bench_flow VALUES
  (0, 0, NULL, 'CREATED', interval '0', NULL),
  (0, 1, 'CREATED', 'APPROVED', interval '2 hours', NULL),
  (0, 2, 'APPROVED', 'ORDERED', interval '1 day', interval '6 days'),
  (0, 3, 'ORDERED', 'SHIPPING', interval '3 days', interval '6 days'),
  (0, 4, 'SHIPPING', 'COMPLETED', interval '5 days', NULL),
  (1, 0, NULL, 'CREATED', interval '0', NULL),
  (1, 1, 'CREATED', 'CANCELLED', interval '1 hour', NULL),
  (2, 0, NULL, 'CREATED', interval '0', NULL),
  (2, 1, 'CREATED', 'APPROVED', interval '2 hours', NULL),
  (2, 2, 'APPROVED', 'CANCELLED', interval '12 hours', NULL);

-- evenly over the two years before now, each moved by up to 40 % of the spacing (still in order)
CREATE TEMP TABLE bench_order ON COMMIT DROP AS
SELECT n, 'or_bnch' || lpad(n::text, 6, '0') AS uid, created_at,
       CASE WHEN fate < 5 THEN 1 WHEN fate < 10 THEN 2 ELSE 0 END AS flow,
       n * 31 % {{members}} + 1 AS owner_i,
       1 + n * 40503 % 3 AS line_count
FROM (SELECT j + 1 AS n,
             {{now}} - interval '730 days'
               + ((j + 0.5 + (j * 7919 % 801 - 400) / 1000.0)::float8)
                 * (interval '730 days' / {{orders}}) AS created_at,
             j * 2654435761 % 100 AS fate
      FROM generate_series(0::bigint, {{orders}} - 1) AS j) AS o;
ALTER TABLE bench_order ADD PRIMARY KEY (n);

CREATE TEMP TABLE bench_transition ON COMMIT DROP AS
SELECT o.n, f.step, f.from_status, f.to_status, o.created_at + f.after AS changed_at,
       o.created_at + f.arrival AS arrival
FROM bench_order o JOIN bench_flow f ON f.flow = o.flow
WHERE o.created_at + f.after <= {{now}};

-- held_rank numbers the undelivered orders 0, 1, 2, ...: they take their snacks from the top of
-- the active snacks, three each, so no snack is held twice
CREATE TEMP TABLE bench_order_state ON COMMIT DROP AS
SELECT t.n, t.status, t.updated_at, t.version, a.arrival,
       CASE WHEN t.status IN ('CREATED', 'APPROVED', 'ORDERED', 'SHIPPING')
            THEN row_number() OVER (
                   PARTITION BY t.status IN ('CREATED', 'APPROVED', 'ORDERED', 'SHIPPING')
                   ORDER BY t.n) - 1
       END AS held_rank
FROM (SELECT DISTINCT ON (n) n, to_status AS status, changed_at AS updated_at, step AS version
      FROM bench_transition ORDER BY n, step DESC) AS t
JOIN (SELECT n, max(arrival) AS arrival FROM bench_transition GROUP BY n) AS a USING (n);
ALTER TABLE bench_order_state ADD PRIMARY KEY (n);

CREATE TEMP TABLE bench_active ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY n) AS r, n FROM bench_snack WHERE status = 'ACTIVE';
ALTER TABLE bench_active ADD PRIMARY KEY (r);
CREATE TEMP TABLE bench_param ON COMMIT DROP AS SELECT count(*) AS active FROM bench_active;

DO $$
BEGIN
  IF (SELECT 3 * count(held_rank) FROM bench_order_state)
     > (SELECT active FROM bench_param) THEN
    RAISE EXCEPTION 'Too few active snacks for the undelivered orders to hold three each';
  END IF;
END $$;

-- one to three lines; a delivered or cancelled order takes any three spread-out active snacks
CREATE TEMP TABLE bench_line ON COMMIT DROP AS
SELECT o.n, l.position, a.n AS snack_n, 1 + (o.n * 13 + l.position * 7) % 5 AS quantity,
       st.held_rank IS NOT NULL AS held
FROM bench_order o
JOIN bench_order_state st USING (n)
CROSS JOIN bench_param p
CROSS JOIN LATERAL generate_series(0, o.line_count - 1) AS l(position)
JOIN bench_active a ON a.r = CASE
  WHEN st.held_rank IS NOT NULL THEN p.active - (st.held_rank * 3 + l.position)
  ELSE (o.n * 7919 % p.active + l.position * (p.active / 3)) % p.active + 1 END;

-- step: order-service (orders)
INSERT INTO ordering.orders (uid, status, owner_id, owner_email, created_at, updated_at,
                             estimated_arrival_time, created_year, created_month, created_day,
                             version)
SELECT o.uid, st.status, m.id, m.email, o.created_at, st.updated_at, st.arrival,
       extract(year FROM o.created_at AT TIME ZONE {{zone}}),
       extract(month FROM o.created_at AT TIME ZONE {{zone}}),
       extract(day FROM o.created_at AT TIME ZONE {{zone}}),
       st.version
FROM bench_order o JOIN bench_order_state st USING (n) JOIN bench_member m ON m.i = o.owner_i
ORDER BY o.n;

CREATE TEMP TABLE bench_order_id ON COMMIT DROP AS
SELECT o.n, r.id FROM bench_order o JOIN ordering.orders r ON r.uid = o.uid;
ALTER TABLE bench_order_id ADD PRIMARY KEY (n);

INSERT INTO ordering.order_line (order_id, position, snack_uid, snack_name, quantity, unit_price,
                                 currency)
SELECT i.id, l.position, s.uid, s.name, l.quantity, s.price, s.currency
FROM bench_line l JOIN bench_order_id i USING (n) JOIN bench_snack s ON s.n = l.snack_n
ORDER BY i.id, l.position;

INSERT INTO ordering.held_snack (snack_uid, order_id)
SELECT s.uid, i.id
FROM bench_line l JOIN bench_order_id i USING (n) JOIN bench_snack s ON s.n = l.snack_n
WHERE l.held
ORDER BY s.uid;

INSERT INTO ordering.order_status_change (order_id, from_status, to_status, changed_by,
                                          changed_at, estimated_arrival_time)
SELECT i.id, t.from_status, t.to_status, CASE WHEN t.step = 0 THEN m.id ELSE adm.id END,
       t.changed_at, CASE WHEN t.to_status IN ('ORDERED', 'SHIPPING') THEN t.arrival END
FROM bench_transition t
JOIN bench_order_id i USING (n)
JOIN bench_order o USING (n)
JOIN bench_member m ON m.i = o.owner_i
CROSS JOIN bench_admin adm
ORDER BY i.id, t.step;

-- step: statistics-service
INSERT INTO statistics.order_fact (uid, owner_id, owner_email, status, created_at, local_date,
                                   placed, lines_at, lines_revised)
SELECT o.uid, m.id, m.email, st.status, o.created_at,
       (o.created_at AT TIME ZONE {{zone}})::date, true, o.created_at, false
FROM bench_order o JOIN bench_order_state st USING (n) JOIN bench_member m ON m.i = o.owner_i
ORDER BY o.uid;

INSERT INTO statistics.order_fact_line (order_uid, line_no, snack_uid, snack_name, quantity,
                                        unit_price, currency)
SELECT o.uid, l.position + 1, s.uid, s.name, l.quantity, s.price, s.currency
FROM bench_line l JOIN bench_order o USING (n) JOIN bench_snack s ON s.n = l.snack_n
ORDER BY o.uid, l.position;

-- every order in both grains: its business day ('D') and that day's month ('M', first day)
CREATE TEMP TABLE bench_fact ON COMMIT DROP AS
SELECT f.uid, f.status, g.grain,
       CASE g.grain WHEN 'D' THEN f.local_date
                    ELSE date_trunc('month', f.local_date)::date END AS bucket
FROM statistics.order_fact f
JOIN bench_order o ON o.uid = f.uid
CROSS JOIN (VALUES ('D'), ('M')) AS g(grain);

-- a cancelled order counts under CANCELLED and nowhere else (Contribution)
INSERT INTO statistics.order_bucket (grain, bucket, status, order_count, snack_quantity)
SELECT f.grain, f.bucket, f.status, count(*),
       coalesce(sum(q.quantity) FILTER (WHERE f.status <> 'CANCELLED'), 0)
FROM bench_fact f
LEFT JOIN (SELECT order_uid, sum(quantity) AS quantity
           FROM statistics.order_fact_line GROUP BY order_uid) AS q ON q.order_uid = f.uid
GROUP BY f.grain, f.bucket, f.status;

INSERT INTO statistics.order_bucket_total (grain, bucket, currency, line_count, amount)
SELECT f.grain, f.bucket, l.currency, count(*), sum(l.unit_price * l.quantity)
FROM bench_fact f JOIN statistics.order_fact_line l ON l.order_uid = f.uid
WHERE f.status <> 'CANCELLED'
GROUP BY f.grain, f.bucket, l.currency;

-- the same per bucket in one row (what the statistics' figures read), as the service's V2 fills it
INSERT INTO statistics.order_bucket_figures
  (grain, bucket, snack_quantity, created, approved, ordered, shipping, completed, cancelled, totals)
SELECT k.grain, k.bucket, coalesce(s.snack_quantity, 0), coalesce(s.created, 0),
       coalesce(s.approved, 0), coalesce(s.ordered, 0), coalesce(s.shipping, 0),
       coalesce(s.completed, 0), coalesce(s.cancelled, 0), coalesce(t.totals, '{}'::jsonb)
FROM (SELECT grain, bucket FROM statistics.order_bucket
      UNION SELECT grain, bucket FROM statistics.order_bucket_total) AS k
LEFT JOIN (SELECT grain, bucket, sum(snack_quantity) AS snack_quantity,
                  coalesce(sum(order_count) FILTER (WHERE status = 'CREATED'), 0) AS created,
                  coalesce(sum(order_count) FILTER (WHERE status = 'APPROVED'), 0) AS approved,
                  coalesce(sum(order_count) FILTER (WHERE status = 'ORDERED'), 0) AS ordered,
                  coalesce(sum(order_count) FILTER (WHERE status = 'SHIPPING'), 0) AS shipping,
                  coalesce(sum(order_count) FILTER (WHERE status = 'COMPLETED'), 0) AS completed,
                  coalesce(sum(order_count) FILTER (WHERE status = 'CANCELLED'), 0) AS cancelled
           FROM statistics.order_bucket GROUP BY grain, bucket) AS s USING (grain, bucket)
LEFT JOIN (SELECT grain, bucket,
                  jsonb_object_agg(currency,
                                   jsonb_build_object('lines', line_count, 'amount', amount))
                    FILTER (WHERE line_count <> 0 OR amount <> 0) AS totals
           FROM statistics.order_bucket_total GROUP BY grain, bucket) AS t USING (grain, bucket);

INSERT INTO statistics.snack_bucket (grain, bucket, snack_uid, order_count, quantity)
SELECT f.grain, f.bucket, l.snack_uid, count(DISTINCT f.uid), sum(l.quantity)
FROM bench_fact f JOIN statistics.order_fact_line l ON l.order_uid = f.uid
WHERE f.status <> 'CANCELLED'
GROUP BY f.grain, f.bucket, l.snack_uid;

INSERT INTO statistics.snack_bucket_total (grain, bucket, snack_uid, currency, line_count, amount)
SELECT f.grain, f.bucket, l.snack_uid, l.currency, count(*), sum(l.unit_price * l.quantity)
FROM bench_fact f JOIN statistics.order_fact_line l ON l.order_uid = f.uid
WHERE f.status <> 'CANCELLED'
GROUP BY f.grain, f.bucket, l.snack_uid, l.currency;

-- names from the catalog (as of its latest event) and from the latest order line
INSERT INTO statistics.snack (uid, catalog_name, catalog_name_at, line_name, line_name_at,
                              like_count, hate_count)
SELECT s.uid, s.name, s.updated_at, ln.name, ln.at, c.likes, c.hates
FROM bench_snack s
JOIN bench_count c USING (n)
LEFT JOIN (SELECT l.snack_uid, max(l.snack_name) AS name, max(f.lines_at) AS at
           FROM statistics.order_fact_line l JOIN statistics.order_fact f ON f.uid = l.order_uid
           GROUP BY l.snack_uid) AS ln ON ln.snack_uid = s.uid
ORDER BY s.uid;
