package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.snack.SnackServiceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * With 100,000 snacks, a page deep in the list is still read through the index of its order (no
 * sequential scan, no sort of the table), and in the right order.
 */
class DeepPageIT extends SnackServiceTest {

  private static final int SNACKS = 100_000;

  @BeforeEach
  void aHundredThousandSnacks() {
    db.sql(
            "INSERT INTO snack (uid, name, name_key, url, currency, price, registered_by,"
                + " like_reaction_count, hate_reaction_count, created_at)"
                + " SELECT 'sn_dp' || lpad(g::text, 8, '0'), 'deep page ' || g, 'deep page ' || g,"
                + " 'https://example.com/' || g, 'KRW', g % 5000, 0, g % 97, g % 13,"
                + " now() - g * interval '1 second' FROM generate_series(1, :n) g")
        .bind("n", SNACKS)
        .then()
        .block();
    // What autovacuum does in production over time: statistics, and the visibility map that makes
    // index-only scans cheap. Right after a bulk insert a vacuum may not be able to mark the pages
    // all-visible yet (the embedded server commits asynchronously, and other transactions run), so
    // vacuum until it has.
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              db.sql("VACUUM (FREEZE, ANALYZE) snack").then().block();
              return count("SELECT relallvisible FROM pg_class WHERE relname = 'snack'")
                  >= count("SELECT relpages FROM pg_class WHERE relname = 'snack'") * 9 / 10;
            });
  }

  @AfterEach
  void removeThem() {
    // only this test's rows: a snack another test registered may well have a uid starting sn_dp
    db.sql("DELETE FROM snack WHERE uid ~ '^sn_dp[0-9]{8}$' AND name LIKE 'deep page %'")
        .then()
        .block();
    db.sql("VACUUM ANALYZE snack").then().block();
  }

  private String plan(String ordering, SnackStatus status, int page) {
    PageQuery query = new PageQuery(page, 100);
    String sql =
        Snacks.pageSql(new SnackFilter(null, null, status), SnackOrdering.parse(ordering))
            .replace(":status", status == null ? "" : "'" + status.name() + "'")
            .replace(":limit", Integer.toString(query.pageSize()))
            .replace(":offset", Long.toString(query.offset()));
    return String.join(
        "\n",
        db.sql("EXPLAIN " + sql).map(row -> row.get(0, String.class)).all().collectList().block());
  }

  @Test
  void everyOrderOfADeepPageIsAnIndexScan() {
    for (var expected :
        List.of(
            List.of("", "snack_default_order"),
            List.of("-like_ratio", "snack_like_ratio_order"),
            List.of("like_ratio", "snack_like_ratio_order"),
            List.of("-like_reaction_count", "snack_like_count_order"),
            List.of("hate_reaction_count", "snack_hate_count_order"),
            List.of("-created_at", "snack_created_at_order"),
            List.of("price", "snack_price_order"),
            List.of("name", "snack_name_key_key"),
            List.of("-uid", "snack_uid_key"))) {
      for (SnackStatus status : new SnackStatus[] {null, SnackStatus.ACTIVE}) {
        String plan = plan(expected.get(0), status, 900);
        String what = "ordering=" + expected.get(0) + " status=" + status + "\n" + plan;
        assertThat(plan)
            .as(what)
            .containsPattern("Index Only Scan (Backward )?using " + expected.get(1) + " ");
        assertThat(plan).as(what).doesNotContain("Seq Scan");
      }
    }
  }

  @Test
  void aDeepPageHasTheRightSnacksInTheRightOrder() {
    JsonNode page = json(get("/snacks/?page=900&page_size=100", member()), HttpStatus.OK);
    assertThat(page.size()).isEqualTo(100);
    for (int i = 1; i < page.size(); i++) {
      BigDecimal previous = page.get(i - 1).get("like_ratio").decimalValue();
      BigDecimal current = page.get(i).get("like_ratio").decimalValue();
      assertThat(previous).isGreaterThanOrEqualTo(current);
      if (previous.compareTo(current) == 0) {
        assertThat(page.get(i - 1).get("like_reaction_count").longValue())
            .isGreaterThanOrEqualTo(page.get(i).get("like_reaction_count").longValue());
      }
    }
    long total =
        Long.parseLong(
            get("/snacks/?page_size=1", member())
                .expectBody()
                .returnResult()
                .getResponseHeaders()
                .getFirst("X-Total-Count"));
    assertThat(total).isGreaterThanOrEqualTo(SNACKS);
  }
}
