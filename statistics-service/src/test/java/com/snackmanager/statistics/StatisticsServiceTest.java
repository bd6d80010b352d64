package com.snackmanager.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.orders.OrderLine;
import com.snackmanager.events.orders.OrderPlaced;
import com.snackmanager.events.orders.OrderRevised;
import com.snackmanager.events.orders.OrderStatusChanged;
import com.snackmanager.events.reactions.ReactionChanged;
import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import com.snackmanager.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running statistics-service on real PostgreSQL, Redis and Kafka, fed by events the tests
 * publish to the real topics. Every integration test class extends this, so they share one
 * application context; each uses its own years, orders and snacks.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "snack.kafka.retry-backoff=50ms",
      "spring.kafka.listener.poll-timeout=500ms",
      "spring.test.webtestclient.timeout=30s",
      // answers stay cached unless invalidated: every test that reads figures again proves it
      "snack.statistics.figures-cache-ttl=1h"
    })
@AutoConfigureWebTestClient
public abstract class StatisticsServiceTest {

  public static final Duration PATIENCE = Duration.ofSeconds(60);

  /** Reads numbers as written: 3.50 stays 3.50, so comparisons check the exact text. */
  private static final JsonMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SnackTestInfrastructure.get().register(ServiceDatabase.STATISTICS, registry);
    TestTokens.get().register(registry);
  }

  @Autowired protected WebTestClient client;
  @Autowired protected KafkaTemplate<String, String> kafka;
  @Autowired protected EventCodec codec;
  @Autowired protected DatabaseClient db;

  protected static String member() {
    return TestTokens.get().member(1001);
  }

  protected static String admin() {
    return TestTokens.get().admin(1);
  }

  // --- publishing -----------------------------------------------------------------------------

  /** Sends each envelope to its topic (keyed by aggregate id) and waits for Kafka's ack. */
  protected void publish(String topic, EventEnvelope... envelopes) {
    for (EventEnvelope envelope : envelopes) {
      publishRaw(topic, envelope.aggregateId(), codec.encode(envelope));
    }
  }

  protected void publishRaw(String topic, String key, String value) {
    try {
      kafka.send(topic, key, value).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish to " + topic, e);
    }
  }

  /** Waits until the statistics' consumer group has consumed every record of its topics. */
  protected void awaitCaughtUp() {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(getJson("/statistics/freshness").path("lag_events").asLong(-1))
                    .isZero());
  }

  // --- events -----------------------------------------------------------------------------------

  protected EventEnvelope event(DomainEvent event) {
    return codec.wrap(event);
  }

  protected static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  protected static OrderLine line(
      String snack, String name, int quantity, String price, String currency) {
    return new OrderLine(snack, name, quantity, new BigDecimal(price), currency);
  }

  protected EventEnvelope placed(
      String order, long owner, String email, String createdAt, OrderLine... lines) {
    return event(new OrderPlaced(order, owner, email, "CREATED", List.of(lines), at(createdAt)));
  }

  protected EventEnvelope revised(
      String order, String createdAt, String revisedAt, OrderLine... lines) {
    return event(new OrderRevised(order, 1, List.of(lines), at(createdAt), at(revisedAt)));
  }

  protected EventEnvelope moved(String order, String from, String to, String createdAt) {
    return event(
        new OrderStatusChanged(
            order, from, to, 1, null, at(createdAt), at(createdAt).plusSeconds(3600)));
  }

  protected EventEnvelope registered(String snack, String name, String at) {
    return event(
        new SnackRegistered(
            snack,
            name,
            "https://example.com",
            "",
            null,
            "KRW",
            BigDecimal.TEN,
            "ACTIVE",
            1,
            at(at)));
  }

  protected EventEnvelope renamed(String snack, String name, String at) {
    return event(
        new SnackUpdated(
            snack,
            name,
            "https://example.com",
            "",
            null,
            "KRW",
            BigDecimal.TEN,
            "ACTIVE",
            1,
            at(at)));
  }

  protected EventEnvelope reaction(String snack, long member, String previous, String current) {
    return event(new ReactionChanged(snack, member, previous, current, 0, 0, Instant.now()));
  }

  // --- HTTP -------------------------------------------------------------------------------------

  protected WebTestClient.ResponseSpec get(String path, String token, MediaType accept) {
    var request = client.get().uri(path);
    if (token != null) {
      request = request.headers(h -> h.setBearerAuth(token));
    }
    if (accept != null) {
      request = request.accept(accept);
    }
    return request.exchange();
  }

  protected String getBody(String path, MediaType accept) {
    return get(path, member(), accept)
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  protected JsonNode getJson(String path) {
    return tree(getBody(path, MediaType.APPLICATION_JSON));
  }

  protected String getCsv(String path) {
    return get(path, member(), MediaType.parseMediaType("text/csv"))
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith("text/csv")
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  protected static JsonNode tree(String json) {
    return EXACT.readTree(json);
  }

  /** Asserts that {@code actual} is exactly {@code expected} (numbers compared as written). */
  protected static void assertJson(JsonNode actual, String expected) {
    assertThat(actual).isEqualTo(tree(expected));
  }

  /** The body of a 400 with its {@code errors} naming {@code field}. */
  protected void expectFieldError(String path, String field) {
    get(path, member(), null)
        .expectStatus()
        .isEqualTo(HttpStatus.BAD_REQUEST)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isNotEmpty()
        .jsonPath("$.errors." + field)
        .isArray();
  }

  /**
   * The JSON of one period's figures; {@code statuses} are status/count pairs, the others are 0.
   */
  protected static String figures(
      String period,
      String from,
      String to,
      long orders,
      long quantity,
      String totals,
      Object... statuses) {
    Map<String, Object> byStatus = new LinkedHashMap<>();
    for (String status :
        List.of("CREATED", "APPROVED", "ORDERED", "SHIPPING", "COMPLETED", "CANCELLED")) {
      byStatus.put(status, 0);
    }
    for (int i = 0; i < statuses.length; i += 2) {
      byStatus.put((String) statuses[i], statuses[i + 1]);
    }
    StringBuilder json = new StringBuilder();
    byStatus.forEach(
        (status, count) ->
            json.append(json.isEmpty() ? "" : ",")
                .append('"')
                .append(status)
                .append("\":")
                .append(count));
    return "{\"period\":\"%s\",\"from\":\"%s\",\"to\":\"%s\",\"order_count\":%d,\"snack_quantity\":%d,\"totals\":%s,\"by_status\":{%s}}"
        .formatted(period, from, to, orders, quantity, totals, json);
  }

  /** A zero-filled day. */
  protected static String emptyDay(String day) {
    return figures(day, day, day, 0, 0, "{}");
  }
}
