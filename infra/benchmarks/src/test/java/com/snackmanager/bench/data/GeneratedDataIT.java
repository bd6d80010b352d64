package com.snackmanager.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's data generator against the services' real schemas: every service's Flyway
 * migrations, read from the source tree and applied as that service's role exactly as the service
 * applies them, then the generator at a small scale, then the invariants the services rely on. A
 * migration that renames a column or adds a constraint the generator ignores fails here, not in the
 * middle of a benchmark run.
 */
class GeneratedDataIT {

  static final DataShape SHAPE = new DataShape(100, 300, 3000, 2000);
  static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  static final Instant NOW = Instant.parse("2026-03-31T15:30:00Z"); // April 1st in Seoul

  /** Each service's module and schema: its migrations are {@code db/migration} of the module. */
  static final Map<String, ServiceDatabase> SERVICES =
      Map.of(
          "auth-service", ServiceDatabase.AUTH,
          "snack-service", ServiceDatabase.CATALOG,
          "reaction-service", ServiceDatabase.REACTION,
          "order-service", ServiceDatabase.ORDERING,
          "statistics-service", ServiceDatabase.STATISTICS);

  static Connection db;

  @BeforeAll
  static void migrateAndLoad() throws SQLException {
    SnackTestInfrastructure infrastructure = SnackTestInfrastructure.get();
    Path root = Path.of("").toAbsolutePath().getParent().getParent();
    Path sharedEvents = root.resolve("event-plumbing/src/main/resources/db/snack-events");
    SERVICES.forEach(
        (module, database) -> {
          Path migrations = root.resolve(module).resolve("src/main/resources/db/migration");
          assertThat(migrations).as(module + " migrations").isDirectory();
          Flyway.configure()
              .dataSource(infrastructure.jdbcUrl(), database.role(), database.password())
              .schemas(database.schema())
              .defaultSchema(database.schema())
              .createSchemas(false)
              .locations("filesystem:" + migrations, "filesystem:" + sharedEvents)
              .load()
              .migrate();
        });
    db =
        DriverManager.getConnection(
            infrastructure.jdbcUrl(),
            env("SNACK_DB_ADMIN_USER", "postgres"),
            env("SNACK_DB_ADMIN_PASSWORD", "postgres"));
    List<DataGenerator.Step> steps = DataGenerator.load(db, SHAPE, NOW, SEOUL);
    assertThat(steps)
        .extracting(DataGenerator.Step::name)
        .contains("members", "vacuum and analyze");
  }

  @AfterAll
  static void close() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void everyServiceHoldsTheWholeDataSet() throws SQLException {
    assertThat(count("SELECT count(*) FROM auth.member WHERE email LIKE 'bench-%'"))
        .isEqualTo(SHAPE.members());
    assertThat(count("SELECT count(*) FROM catalog.snack")).isEqualTo(SHAPE.snacks());
    assertThat(count("SELECT count(*) FROM reaction.snack")).isEqualTo(SHAPE.snacks());
    assertThat(count("SELECT count(*) FROM ordering.catalog_snack")).isEqualTo(SHAPE.snacks());
    assertThat(count("SELECT count(*) FROM statistics.snack")).isEqualTo(SHAPE.snacks());
    assertThat(count("SELECT count(*) FROM reaction.reaction")).isEqualTo(SHAPE.reactions());
    assertThat(count("SELECT count(*) FROM ordering.orders")).isEqualTo(SHAPE.orders());
    assertThat(count("SELECT count(*) FROM statistics.order_fact")).isEqualTo(SHAPE.orders());
    assertThat(count("SELECT count(*) FROM statistics.order_fact_line"))
        .isEqualTo(count("SELECT count(*) FROM ordering.order_line"))
        .isBetween((long) SHAPE.orders(), 3L * SHAPE.orders());
  }

  @Test
  void reactionCountsEqualTheReactionRowsInEveryService() throws SQLException {
    assertThat(Consistency.disagreements(db))
        .containsOnlyKeys("catalog", "ordering", "statistics", "order_facts")
        .allSatisfy((view, count) -> assertThat(count).as(view).isZero());
    // skewed as described: popular snacks have many more reactions, and some snacks are hated
    assertThat(count("SELECT max(like_reaction_count + hate_reaction_count) FROM catalog.snack"))
        .isGreaterThan(
            5
                * count(
                    "SELECT min(like_reaction_count + hate_reaction_count)"
                        + " FROM catalog.snack"));
    assertThat(count("SELECT count(*) FROM ordering.snack_reaction_count WHERE hates > likes"))
        .isPositive();
  }

  @Test
  void theCatalogProjectionsMatchTheCatalog() throws SQLException {
    assertThat(
            count(
                "SELECT count(*) FROM (SELECT uid, status FROM catalog.snack"
                    + " EXCEPT SELECT uid, status FROM reaction.snack) AS missing"))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM (SELECT uid, name, price, currency, status FROM catalog.snack"
                    + " EXCEPT SELECT uid, name, price, currency, status"
                    + " FROM ordering.catalog_snack) AS missing"))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM (SELECT uid, name FROM catalog.snack"
                    + " EXCEPT SELECT uid, catalog_name FROM statistics.snack) AS missing"))
        .isZero();
    assertThat(count("SELECT count(*) FROM catalog.snack WHERE status = 'RETIRED'")).isPositive();
  }

  @Test
  void ordersAreDatedInTheBusinessTimeZoneOverTwoYears() throws SQLException {
    assertThat(
            count(
                "SELECT count(*) FROM ordering.orders WHERE make_date(created_year, created_month,"
                    + " created_day) <> (created_at AT TIME ZONE 'Asia/Seoul')::date"))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM ordering.orders WHERE created_at >= TIMESTAMPTZ '"
                    + NOW
                    + "' OR created_at < TIMESTAMPTZ '"
                    + NOW
                    + "' - interval '730 days'"))
        .isZero();
    assertThat(count("SELECT count(DISTINCT (created_year, created_month)) FROM ordering.orders"))
        .isGreaterThanOrEqualTo(24);
  }

  @Test
  void everyHistoryRunsFromCreationToTheOrdersStatus() throws SQLException {
    // first entry: null -> CREATED by the owner at creation
    assertThat(
            count(
                "SELECT count(*) FROM ordering.orders o JOIN LATERAL (SELECT * FROM"
                    + " ordering.order_status_change c WHERE c.order_id = o.id ORDER BY c.id"
                    + " LIMIT 1) AS first ON true WHERE first.from_status IS NOT NULL"
                    + " OR first.to_status <> 'CREATED' OR first.changed_by <> o.owner_id"
                    + " OR first.changed_at <> o.created_at"))
        .isZero();
    // each entry starts where the one before ended
    assertThat(
            count(
                "SELECT count(*) FROM (SELECT from_status, lag(to_status) OVER (PARTITION BY"
                    + " order_id ORDER BY id) AS before FROM ordering.order_status_change) AS c"
                    + " WHERE c.before IS DISTINCT FROM c.from_status"))
        .isZero();
    // the last one is the order's status, version and update time
    assertThat(
            count(
                "SELECT count(*) FROM ordering.orders o JOIN (SELECT order_id, count(*) AS moves,"
                    + " (array_agg(to_status ORDER BY id DESC))[1] AS status, max(changed_at) AS at"
                    + " FROM ordering.order_status_change GROUP BY order_id) AS h"
                    + " ON h.order_id = o.id WHERE h.status <> o.status OR h.moves - 1 <> o.version"
                    + " OR h.at <> o.updated_at"))
        .isZero();
    assertThat(count("SELECT count(DISTINCT status) FROM ordering.orders"))
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void exactlyTheUndeliveredOrdersHoldTheirSnacks() throws SQLException {
    String undeliveredLines =
        "SELECT l.snack_uid, l.order_id FROM ordering.order_line l JOIN ordering.orders o"
            + " ON o.id = l.order_id WHERE o.status IN ('CREATED', 'APPROVED', 'ORDERED', 'SHIPPING')";
    String held = "SELECT snack_uid, order_id FROM ordering.held_snack";
    assertThat(count("SELECT count(*) FROM (" + held + ") AS h")).isPositive();
    assertThat(count("SELECT count(*) FROM (" + held + " EXCEPT " + undeliveredLines + ") AS d"))
        .isZero();
    assertThat(count("SELECT count(*) FROM (" + undeliveredLines + " EXCEPT " + held + ") AS d"))
        .isZero();
    // every line is an active snack at its catalog price
    assertThat(
            count(
                "SELECT count(*) FROM ordering.order_line l JOIN ordering.catalog_snack c"
                    + " ON c.uid = l.snack_uid WHERE c.status <> 'ACTIVE'"
                    + " OR c.price <> l.unit_price OR c.currency <> l.currency"))
        .isZero();
  }

  @Test
  void theStatisticsBucketsAddUpTheOrders() throws SQLException {
    String day = "make_date(o.created_year, o.created_month, o.created_day)";
    String month = "make_date(o.created_year, o.created_month, 1)";
    for (String[] grain : new String[][] {{"D", day}, {"M", month}}) {
      String orders =
          "SELECT "
              + grain[1]
              + " AS bucket, o.status, count(*) AS orders, coalesce(sum(CASE WHEN o.status ="
              + " 'CANCELLED' THEN 0 ELSE q.quantity END), 0) AS quantity FROM ordering.orders o"
              + " JOIN (SELECT order_id, sum(quantity) AS quantity FROM ordering.order_line"
              + " GROUP BY order_id) AS q ON q.order_id = o.id GROUP BY 1, 2";
      String buckets =
          "SELECT bucket, status, order_count, snack_quantity FROM statistics.order_bucket"
              + " WHERE grain = '"
              + grain[0]
              + "'";
      assertThat(symmetricDifference(orders, buckets)).as("order_bucket " + grain[0]).isZero();

      String kept =
          " FROM ordering.order_line l JOIN ordering.orders o ON o.id = l.order_id"
              + " WHERE o.status <> 'CANCELLED'";
      String totals =
          "SELECT "
              + grain[1]
              + ", l.currency, count(*), sum(l.unit_price * l.quantity)"
              + kept
              + " GROUP BY 1, 2";
      assertThat(
              symmetricDifference(
                  totals,
                  "SELECT bucket, currency, line_count, amount FROM statistics.order_bucket_total"
                      + " WHERE grain = '"
                      + grain[0]
                      + "'"))
          .as("order_bucket_total " + grain[0])
          .isZero();
      String snacks =
          "SELECT "
              + grain[1]
              + ", l.snack_uid, count(DISTINCT o.id), sum(l.quantity)"
              + kept
              + " GROUP BY 1, 2";
      assertThat(
              symmetricDifference(
                  snacks,
                  "SELECT bucket, snack_uid, order_count, quantity FROM statistics.snack_bucket"
                      + " WHERE grain = '"
                      + grain[0]
                      + "'"))
          .as("snack_bucket " + grain[0])
          .isZero();
      String snackTotals =
          "SELECT "
              + grain[1]
              + ", l.snack_uid, l.currency, count(*),"
              + " sum(l.unit_price * l.quantity)"
              + kept
              + " GROUP BY 1, 2, 3";
      assertThat(
              symmetricDifference(
                  snackTotals,
                  "SELECT bucket, snack_uid, currency, line_count, amount"
                      + " FROM statistics.snack_bucket_total WHERE grain = '"
                      + grain[0]
                      + "'"))
          .as("snack_bucket_total " + grain[0])
          .isZero();
    }
    assertThat(count("SELECT count(*) FROM statistics.order_bucket WHERE status = 'CANCELLED'"))
        .isPositive();
  }

  @Test
  void thePoolsHoldOnlyPairsWithoutAReactionAndSnacksNobodyHolds() throws SQLException {
    Pools pools = new Pools(SHAPE);
    List<Long> tokens = pools.tokenMemberIds(db);
    assertThat(tokens).hasSize(pools.tokenMembers()).doesNotHaveDuplicates();
    for (int pool = 0; pool < Pools.REACTION_POOLS; pool++) {
      List<Pools.Pair> pairs = pools.reactionPool(db, tokens, pool);
      assertThat(pairs).hasSizeGreaterThan(pools.poolSnacks() * 10 / 2).doesNotHaveDuplicates();
      assertThat(reactionsOf(pairs)).as("pool " + pool).isZero();
    }
    List<Pools.Pair> probes = pools.freshnessPairs(db, tokens);
    assertThat(probes).hasSize(pools.freshnessSnacks());
    assertThat(reactionsOf(probes)).isZero();
    assertThat(probes.get(0).snackUid())
        .isEqualTo(Pools.snackUid(1))
        .isEqualTo(
            string("SELECT uid FROM statistics.snack ORDER BY uid LIMIT 1")); // first in uid order
    List<String> orderable = Pools.orderableSnacks(db);
    assertThat(orderable)
        .hasSizeGreaterThan(SHAPE.snacks() * 9 / 10)
        .doesNotContain(Pools.heldSnack(db));
  }

  private static long reactionsOf(List<Pools.Pair> pairs) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "SELECT count(*) FROM reaction.reaction r JOIN unnest(?::text[], ?::bigint[])"
                + " AS p(snack_uid, member_id) ON r.snack_uid = p.snack_uid"
                + " AND r.member_id = p.member_id")) {
      query.setArray(
          1, db.createArrayOf("text", pairs.stream().map(Pools.Pair::snackUid).toArray()));
      query.setArray(
          2, db.createArrayOf("bigint", pairs.stream().map(Pools.Pair::memberId).toArray()));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** Rows in one query and not the other, either way. */
  private static long symmetricDifference(String left, String right) throws SQLException {
    return count("SELECT count(*) FROM ((" + left + ") EXCEPT (" + right + ")) AS a")
        + count("SELECT count(*) FROM ((" + right + ") EXCEPT (" + left + ")) AS b");
  }

  private static long count(String sql) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static String string(String sql) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getString(1);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
