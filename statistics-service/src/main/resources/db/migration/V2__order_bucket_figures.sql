-- The figures of a period in one indexed read: one row per bucket (grain, bucket) holding everything
-- order_bucket (one row per status) and order_bucket_total (one row per currency) hold for it, kept
-- up to date by the consumer in the same transaction and with the same additive upserts. A month
-- is one row, a two-year daily series 730 rows, instead of up to six status rows plus a row per
-- currency for every bucket read by two queries. The per-status and per-currency tables stay: the
-- order list counts its total from order_bucket, and they are the detail this row sums.

-- Money per currency of a bucket's orders that are not cancelled, {"KRW": {"lines": 2, "amount":
-- 11960}}; "lines" tells a currency that is present (even at amount 0) from one that no longer is,
-- as order_bucket_total.line_count does. Adds two such maps, currency by currency, exactly (numeric);
-- a currency whose lines and amount both add up to 0 leaves the map.
CREATE FUNCTION order_totals_add(a jsonb, b jsonb) RETURNS jsonb
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(jsonb_object_agg(currency, jsonb_build_object('lines', lines, 'amount', amount)),
                  '{}'::jsonb)
  FROM (SELECT e.key AS currency, sum((e.value ->> 'lines')::bigint) AS lines,
               sum((e.value ->> 'amount')::numeric) AS amount
        FROM (SELECT * FROM jsonb_each(a) UNION ALL SELECT * FROM jsonb_each(b)) AS e
        GROUP BY e.key) AS sums
  WHERE lines <> 0 OR amount <> 0
$$;

CREATE TABLE order_bucket_figures (
  grain          text   NOT NULL CHECK (grain IN ('D', 'M')),
  bucket         date   NOT NULL,
  -- snacks in the bucket's orders, cancelled orders left out
  snack_quantity bigint NOT NULL,
  -- orders per current status (order_count is their sum)
  created        bigint NOT NULL,
  approved       bigint NOT NULL,
  ordered        bigint NOT NULL,
  shipping       bigint NOT NULL,
  completed      bigint NOT NULL,
  cancelled      bigint NOT NULL,
  totals         jsonb  NOT NULL,
  PRIMARY KEY (grain, bucket)
);

-- what the consumer has already put in the detail tables
INSERT INTO order_bucket_figures
  (grain, bucket, snack_quantity, created, approved, ordered, shipping, completed, cancelled, totals)
SELECT k.grain, k.bucket, coalesce(s.snack_quantity, 0), coalesce(s.created, 0),
       coalesce(s.approved, 0), coalesce(s.ordered, 0), coalesce(s.shipping, 0),
       coalesce(s.completed, 0), coalesce(s.cancelled, 0), coalesce(t.totals, '{}'::jsonb)
FROM (SELECT grain, bucket FROM order_bucket
      UNION SELECT grain, bucket FROM order_bucket_total) AS k
LEFT JOIN (SELECT grain, bucket, sum(snack_quantity) AS snack_quantity,
                  coalesce(sum(order_count) FILTER (WHERE status = 'CREATED'), 0) AS created,
                  coalesce(sum(order_count) FILTER (WHERE status = 'APPROVED'), 0) AS approved,
                  coalesce(sum(order_count) FILTER (WHERE status = 'ORDERED'), 0) AS ordered,
                  coalesce(sum(order_count) FILTER (WHERE status = 'SHIPPING'), 0) AS shipping,
                  coalesce(sum(order_count) FILTER (WHERE status = 'COMPLETED'), 0) AS completed,
                  coalesce(sum(order_count) FILTER (WHERE status = 'CANCELLED'), 0) AS cancelled
           FROM order_bucket GROUP BY grain, bucket) AS s USING (grain, bucket)
LEFT JOIN (SELECT grain, bucket,
                  jsonb_object_agg(currency,
                                   jsonb_build_object('lines', line_count, 'amount', amount))
                    FILTER (WHERE line_count <> 0 OR amount <> 0) AS totals
           FROM order_bucket_total GROUP BY grain, bucket) AS t USING (grain, bucket);
