package com.snackmanager.statistics.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.statistics.StatisticsServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Reactions fed through Kafka (sets, switches, withdrawals, redeliveries) and the catalog's names:
 * counts are the sums of the deltas, listed with their ratio, sortable, searchable and paginated.
 *
 * <pre>
 * snack         name (catalog)      likes  hates  ratio
 * sn_rx_alpha   "RX7 Alpha Chips"   2      2      1
 * sn_rx_beta    "RX7 Beta Candy"    7      3      2.333
 * sn_rx_gamma   "RX7 Gamma Gum"     0      1      0
 * sn_rx_delta   (none)              3      0      3.000
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReactionFiguresIT extends StatisticsServiceTest {

  static final String SEARCH = "/statistics/reactions?search=rx7";

  @BeforeAll
  void feedReactions() {
    publish(
        Topics.CATALOG,
        registered("sn_rx_alpha", "RX7 Alpha Chips", "2024-01-01T00:00:00Z"),
        registered("sn_rx_beta", "RX7 Beta Candy", "2024-01-01T00:00:00Z"),
        registered("sn_rx_gamma", "RX7 Gamma Gum", "2024-01-01T00:00:00Z"));
    List<EventEnvelope> events = new ArrayList<>();
    // alpha: 1 and 2 like, 3 hates, 2 switches to hate, 4 likes then withdraws, 5 likes
    events.add(reaction("sn_rx_alpha", 1, null, "LIKE"));
    events.add(reaction("sn_rx_alpha", 2, null, "LIKE"));
    events.add(reaction("sn_rx_alpha", 3, null, "HATE"));
    events.add(reaction("sn_rx_alpha", 2, "LIKE", "HATE"));
    events.add(reaction("sn_rx_alpha", 4, null, "LIKE"));
    events.add(reaction("sn_rx_alpha", 4, "LIKE", null));
    events.add(reaction("sn_rx_alpha", 5, null, "LIKE"));
    for (int member = 1; member <= 7; member++) {
      events.add(reaction("sn_rx_beta", member, null, "LIKE"));
    }
    for (int member = 8; member <= 10; member++) {
      events.add(reaction("sn_rx_beta", member, null, "HATE"));
    }
    events.add(reaction("sn_rx_gamma", 1, null, "HATE"));
    for (int member = 1; member <= 3; member++) {
      events.add(reaction("sn_rx_delta", member, null, "LIKE"));
    }
    List<EventEnvelope> withRedeliveries = new ArrayList<>(events);
    // every other event delivered twice
    for (int i = 0; i < events.size(); i += 2) {
      withRedeliveries.add(events.get(i));
    }
    publish(Topics.REACTIONS, withRedeliveries.toArray(EventEnvelope[]::new));
    awaitCaughtUp();
  }

  static String row(String uid, String name, long likes, long hates, String ratio) {
    return "{\"snack_uid\":\"%s\",\"name\":%s,\"like_reaction_count\":%d,\"hate_reaction_count\":%d,\"like_ratio\":%s}"
        .formatted(uid, name, likes, hates, ratio);
  }

  static final String ALPHA = row("sn_rx_alpha", "\"RX7 Alpha Chips\"", 2, 2, "1");
  static final String BETA = row("sn_rx_beta", "\"RX7 Beta Candy\"", 7, 3, "2.333");
  static final String GAMMA = row("sn_rx_gamma", "\"RX7 Gamma Gum\"", 0, 1, "0");

  @Test
  void bestLikedFirstByDefault() {
    var body =
        get(SEARCH, member(), null)
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Total-Count", "3")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertJson(tree(body), "[" + BETA + "," + ALPHA + "," + GAMMA + "]");
  }

  @Test
  void sortable() {
    assertJson(getJson(SEARCH + "&ordering=name"), "[" + ALPHA + "," + BETA + "," + GAMMA + "]");
    assertJson(
        getJson(SEARCH + "&ordering=-hate_reaction_count,name"),
        "[" + BETA + "," + ALPHA + "," + GAMMA + "]");
    assertJson(
        getJson(SEARCH + "&ordering=like_ratio"), "[" + GAMMA + "," + ALPHA + "," + BETA + "]");
    assertJson(
        getJson(SEARCH + "&ordering=-like_reaction_count"),
        "[" + BETA + "," + ALPHA + "," + GAMMA + "]");
  }

  @Test
  void paginated() {
    get(SEARCH + "&ordering=name&page_size=2&page=2", member(), null)
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Total-Count", "3")
        .expectHeader()
        .value("Link", link -> assertThat(link).contains("rel=\"prev\"").doesNotContain("next"))
        .expectBody(String.class)
        .value(body -> assertJson(tree(body), "[" + GAMMA + "]"));
  }

  @Test
  void aSnackTheCatalogNeverNamedIsListedToo() {
    JsonNode all = getJson("/statistics/reactions?page_size=1000&ordering=snack_uid");
    JsonNode delta = null;
    for (JsonNode snack : all) {
      if (snack.path("snack_uid").asString().equals("sn_rx_delta")) {
        delta = snack;
      }
    }
    assertThat(delta).isNotNull();
    assertJson(delta, row("sn_rx_delta", "null", 3, 0, "3"));
  }

  @Test
  void asCsv() {
    assertThat(getCsv(SEARCH))
        .isEqualTo(
            "snack_uid,name,like_reaction_count,hate_reaction_count,like_ratio\r\n"
                + "sn_rx_beta,RX7 Beta Candy,7,3,2.333\r\n"
                + "sn_rx_alpha,RX7 Alpha Chips,2,2,1\r\n"
                + "sn_rx_gamma,RX7 Gamma Gum,0,1,0\r\n");
  }
}
