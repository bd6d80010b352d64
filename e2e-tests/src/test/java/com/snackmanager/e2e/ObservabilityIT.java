package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.e2e.Members.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's operational promises on the running suite: one trace from a reaction request to the
 * statistics-service's consumer, request ids in responses and errors, business metrics on every
 * service's Prometheus endpoint (on its management port: issue 14).
 */
class ObservabilityIT {

  private final RunningSuite suite = RunningSuite.get();
  private final Api api = new Api(suite.gateway());
  private final Members members = new Members(api);
  private final Snacks snacks = new Snacks(api);

  @Test
  void aReactionRequestsTraceReachesTheStatisticsServicesConsumer() {
    Member member = members.signUp("tracer");
    String uid = likedSnack(member, "Traced"); // the reaction-service knows the snack now
    String traceId = newTraceId();

    Api.Response hate =
        api.as(member.access())
            .send("POST", "/snacks/" + uid + "/reaction/", Map.of("type", "HATE"), traced(traceId));

    assertThat(hate.status()).isEqualTo(200);
    assertThat(hate.header("X-Request-Id")).isEqualTo(traceId);
    // the same trace, after the outbox relay and Kafka, in the consumer's log line
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(linesOf("statistics-service", traceId))
                    .contains("Received snack.reactions.v1"));
  }

  @Test
  void errorsThroughTheGatewayNameTheirRequestId() {
    Member member = members.signUp("lost");
    String traceId = newTraceId();

    Api.Response unknown =
        api.as(member.access()).send("GET", "/orders/no-such-order/", null, traced(traceId));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("request_id").asString()).isEqualTo(traceId);
    assertThat(unknown.header("X-Request-Id")).isEqualTo(traceId);

    // refused at the gateway itself, no trace sent: an id all the same, in body and header
    Api.Response noToken = api.get("/orders/");
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.json().path("request_id").asString())
        .isNotBlank()
        .isEqualTo(noToken.header("X-Request-Id"));
  }

  @Test
  void everyServiceShowsItsBusinessMetrics() {
    likedSnack(members.signUp("metered"), "Metered");

    Map<String, Integer> ports =
        Map.of(
            "gateway", 8080,
            "auth-service", 8081,
            "snack-service", 8082,
            "order-service", 8083,
            "reaction-service", 8084,
            "statistics-service", 8085);
    ports.forEach(
        (name, port) ->
            assertThat(metrics(port))
                .as(name)
                .contains("application=\"" + name + "\"")
                .contains("http_server_requests_seconds_bucket"));
    for (String publisher : new String[] {"auth-service", "snack-service", "order-service"}) {
      assertThat(metrics(ports.get(publisher))).as(publisher).contains("snack_outbox_backlog{");
    }
    for (String consumer :
        new String[] {"snack-service", "order-service", "reaction-service", "statistics-service"}) {
      assertThat(metrics(ports.get(consumer)))
          .as(consumer)
          .contains("kafka_consumer_fetch_manager_records_lag_max{");
    }
    assertThat(metrics(8084))
        .contains("snack_outbox_backlog{")
        .containsPattern("snack_reactions_total\\{[^}]*change=\"set\"[^}]*} [1-9]");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(metrics(8083))
                    .containsPattern("snack_orders\\{[^}]*status=\"CREATED\""));
  }

  /** Probes and metrics on each process's management port; the API ports have no actuator. */
  @Test
  void actuatorAnswersOnlyOnTheManagementPorts() {
    for (int port = 8080; port <= 8085; port++) {
      assertThat(new Api(suite.management(port)).get("/actuator/health/readiness").status())
          .as("readiness on the management port of " + port)
          .isEqualTo(200);
      assertThat(new Api(suite.service(port)).get("/actuator/health/readiness").status())
          .as("no actuator on API port " + port)
          .isEqualTo(404);
    }
    assertThat(api.get("/actuator/prometheus").status()).as("through the gateway").isEqualTo(404);
    assertThat(api.get("/actuator/health").status()).as("through the gateway").isEqualTo(404);
  }

  /** A new snack the member has liked (so every service knows it); its uid. */
  private String likedSnack(Member member, String name) {
    String uid =
        snacks
            .register(member, name + " " + newTraceId().substring(0, 12), 900)
            .path("uid")
            .asString();
    snacks.react(member, uid, "LIKE");
    return uid;
  }

  private String metrics(int defaultPort) {
    Api.Response response = new Api(suite.management(defaultPort)).get("/actuator/prometheus");
    assertThat(response.status()).isEqualTo(200);
    return response.raw().body();
  }

  private String linesOf(String process, String traceId) {
    Path log = suite.log(process);
    try {
      return String.join(
          "\n", Files.readAllLines(log).stream().filter(line -> line.contains(traceId)).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> traced(String traceId) {
    return Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
  }

  private static String newTraceId() {
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
