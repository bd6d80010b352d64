package com.snackmanager.reaction;

import com.snackmanager.reaction.snack.CatalogFeed;
import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackServiceStub;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import com.snackmanager.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The running reaction-service on real PostgreSQL, Redis and Kafka, with access tokens checked by
 * its real JWKS-backed decoder. Every integration test class extends this, so they share one
 * application context (and one database: each test makes its own snacks and members).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.test.webtestclient.timeout=30s"})
@AutoConfigureWebTestClient
@Import(CatalogFeed.class)
public abstract class ReactionServiceTest {

  private static final AtomicLong MEMBER_IDS = new AtomicLong(1000);

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SnackTestInfrastructure.get().register(ServiceDatabase.REACTION, registry);
    TestTokens.get().register(registry);
    // the read-through asks this stand-in about snacks the service has not heard of
    registry.add("snack.services.snack-service", () -> SnackServiceStub.get().url().toString());
    // production waits 500 ms for the snack-service; a cold JVM on a busy test machine may not
    registry.add("snack.catalog.read-through-timeout", () -> "3s");
  }

  @Autowired protected WebTestClient client;
  @Autowired protected DatabaseClient db;
  @Autowired protected ReactiveStringRedisTemplate redis;
  @Autowired protected CatalogFeed catalog;
  @LocalServerPort protected int port;

  /** A member id no other test uses. */
  protected static long newMember() {
    return MEMBER_IDS.incrementAndGet();
  }

  protected static String token(long memberId) {
    return TestTokens.get().member(memberId);
  }

  /** A snack registered through the real catalog consumer. */
  protected String newSnack() {
    String uid = "sn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    catalog.register(uid);
    return uid;
  }

  protected static String path(String snackUid) {
    return "/snacks/" + snackUid + "/reaction";
  }

  protected WebTestClient.ResponseSpec react(String snackUid, long memberId, Object type) {
    return client
        .post()
        .uri(path(snackUid))
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBearerAuth(token(memberId)))
        .bodyValue(type instanceof String text ? Map.of("type", text) : type)
        .exchange();
  }

  /** A {@code POST} of {@code body} as it is, with {@code type} as its content type. */
  protected WebTestClient.ResponseSpec rawPost(
      String snack, long member, MediaType type, String body) {
    return client
        .post()
        .uri(path(snack))
        .contentType(type)
        .headers(h -> h.setBearerAuth(token(member)))
        .bodyValue(body)
        .exchange();
  }

  protected WebTestClient.ResponseSpec withdraw(String snackUid, long memberId) {
    return client
        .delete()
        .uri(path(snackUid))
        .headers(h -> h.setBearerAuth(token(memberId)))
        .exchange();
  }

  protected WebTestClient.ResponseSpec mine(String snackUid, long memberId) {
    return client
        .get()
        .uri(path(snackUid))
        .headers(h -> h.setBearerAuth(token(memberId)))
        .exchange();
  }

  /** The JSON object body of a response with the expected status. */
  @SuppressWarnings("unchecked")
  protected static Map<String, Object> body(
      WebTestClient.ResponseSpec response, HttpStatus status) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  protected static void expectProblem(
      WebTestClient.ResponseSpec response, HttpStatus status, String detail) {
    response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status.value())
        .jsonPath("$.detail")
        .isEqualTo(detail);
  }

  /** A client on real connections, for requests that truly race each other. */
  protected WebClient http() {
    return WebClient.create("http://127.0.0.1:" + port);
  }

  protected static Mono<Integer> status(WebClient.RequestHeadersSpec<?> request) {
    return request.exchangeToMono(
        response -> response.releaseBody().thenReturn(response.statusCode().value()));
  }

  protected Mono<Integer> racingReaction(
      WebClient http, String snackUid, long memberId, String type) {
    WebClient.RequestHeadersSpec<?> request =
        type == null
            ? http.delete().uri(path(snackUid)).headers(h -> h.setBearerAuth(token(memberId)))
            : http.post()
                .uri(path(snackUid))
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(token(memberId)))
                .bodyValue(Map.of("type", type));
    return status(request);
  }

  /** The catalog status this service holds for the snack. */
  protected String storedStatus(String snackUid) {
    return db.sql("SELECT status FROM snack WHERE uid = :uid")
        .bind("uid", snackUid)
        .map(row -> row.get("status", String.class))
        .one()
        .block();
  }

  /** Likes and hates of the snack as stored in PostgreSQL. */
  protected Counts storedCounts(String snackUid) {
    return db.sql(
            "SELECT count(*) FILTER (WHERE type = 'LIKE') AS likes,"
                + " count(*) FILTER (WHERE type = 'HATE') AS hates"
                + " FROM reaction WHERE snack_uid = :uid")
        .bind("uid", snackUid)
        .map(row -> new Counts(row.get("likes", Long.class), row.get("hates", Long.class)))
        .one()
        .block();
  }

  /** Likes and hates of the snack as cached in Redis. */
  protected Counts cachedCounts(String snackUid) {
    String prefix = "snack:{" + snackUid + "}:";
    return new Counts(
        redis.opsForSet().size(prefix + "like").block(),
        redis.opsForSet().size(prefix + "hate").block());
  }

  /** The member's stored reaction: LIKE, HATE, or null for none (or withdrawn). */
  protected String storedReaction(String snackUid, long memberId) {
    List<String> types =
        db.sql("SELECT type FROM reaction WHERE snack_uid = :uid AND member_id = :member")
            .bind("uid", snackUid)
            .bind("member", memberId)
            .map(row -> String.valueOf(row.get("type", String.class)))
            .all()
            .collectList()
            .block();
    return types.isEmpty() || "null".equals(types.get(0)) ? null : types.get(0);
  }

  /**
   * The {@code reaction.changed} events of the snack in the outbox, oldest first (payload JSON).
   */
  protected List<String> outboxEvents(String snackUid) {
    return db.sql(
            "SELECT payload FROM outbox WHERE aggregate_id = :uid AND event_type = 'reaction.changed'"
                + " ORDER BY id")
        .bind("uid", snackUid)
        .map(row -> row.get("payload", String.class))
        .all()
        .collectList()
        .block();
  }

  protected void flushRedis() {
    redis.getConnectionFactory().getReactiveConnection().serverCommands().flushAll().block();
  }

  public record Counts(long likes, long hates) {}
}
