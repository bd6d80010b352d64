package com.snackmanager.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackRetired;
import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.reactions.ReactionChanged;
import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackServiceStub;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import com.snackmanager.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running order-service on real PostgreSQL, Redis and Kafka. Every integration test class
 * extends this, so they share one application context. Snacks and reactions reach the service the
 * way they do in production: as events published to Kafka and consumed by its listeners. Each test
 * uses its own members and snacks.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.test.webtestclient.timeout=30s",
      // lists are cached until a write drops them: a long ttl makes every list test prove that
      // each write does
      "snack.lists.cache-ttl=1h",
      // production waits 500 ms for the snack-service; a cold JVM on a busy test machine may not
      "snack.catalog.read-through-timeout=3s"
    })
@AutoConfigureWebTestClient
@Import(TestClock.Configuration.class)
public abstract class OrderServiceTest {

  protected static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);
  private static final AtomicLong MEMBER_IDS =
      new AtomicLong(ThreadLocalRandom.current().nextLong(1_000, 1_000_000) * 1000);
  private static final JsonMapper EXACT =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SnackTestInfrastructure.get().register(ServiceDatabase.ORDERING, registry);
    TestTokens.get().register(registry);
    // the read-through asks this stand-in about snacks the projection does not hold
    registry.add("snack.services.snack-service", () -> SnackServiceStub.get().url().toString());
  }

  @Autowired protected WebTestClient client;
  @Autowired protected DatabaseClient db;
  @Autowired protected KafkaTemplate<String, String> kafka;
  @Autowired protected EventCodec codec;
  @Autowired protected TestClock clock;
  @Autowired private KafkaAdmin kafkaAdmin;

  @Value("${spring.application.name}")
  private String consumerGroup;

  /** A member (or admin) of the suite and an access token of theirs. */
  public record Caller(long id, String email, String token) {}

  protected static Caller member() {
    long id = MEMBER_IDS.incrementAndGet();
    return new Caller(id, "member" + id + "@example.com", TestTokens.get().member(id));
  }

  protected static Caller admin() {
    long id = MEMBER_IDS.incrementAndGet();
    return new Caller(id, "member" + id + "@example.com", TestTokens.get().admin(id));
  }

  // ---- events in, through Kafka ----

  /** Publishes the envelope to Kafka and waits until the service has processed it. */
  protected void publishAndAwait(String topic, EventEnvelope envelope) {
    awaitConsumed(sendRaw(topic, envelope.aggregateId(), codec.encode(envelope)));
  }

  protected EventEnvelope publishAndAwait(DomainEvent event) {
    EventEnvelope envelope = codec.wrap(event);
    publishAndAwait(event.topic(), envelope);
    return envelope;
  }

  protected void send(String topic, EventEnvelope envelope) {
    sendRaw(topic, envelope.aggregateId(), codec.encode(envelope));
  }

  protected RecordMetadata sendRaw(String topic, String key, String value) {
    try {
      return kafka.send(topic, key, value).get(30, TimeUnit.SECONDS).getRecordMetadata();
    } catch (Exception e) {
      throw new AssertionError("Could not publish to " + topic, e);
    }
  }

  /**
   * Waits until the service's consumer group has committed past {@code record}: a listener's offset
   * is committed once the record was handled (applied, skipped or dead-lettered), whether or not
   * its consumer keeps an inbox row.
   */
  protected void awaitConsumed(RecordMetadata record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    await().atMost(EVENT_TIMEOUT).until(() -> committedOffset(partition) > record.offset());
  }

  private long committedOffset(TopicPartition partition) throws Exception {
    try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
      OffsetAndMetadata committed =
          admin
              .listConsumerGroupOffsets(consumerGroup)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS)
              .get(partition);
      return committed == null ? -1 : committed.offset();
    }
  }

  protected void awaitProcessed(EventEnvelope envelope) {
    await()
        .atMost(EVENT_TIMEOUT)
        .until(
            () ->
                db.sql("SELECT count(*) AS n FROM inbox WHERE event_id = :id")
                        .bind("id", envelope.eventId())
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block()
                    == 1L);
  }

  /** A new snack in the catalog (registered through Kafka); returns its uid. */
  protected String snack(String name, String price, String currency) {
    String uid = "sn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    publishAndAwait(
        new SnackRegistered(
            uid,
            name,
            "https://shop.example.com/" + uid,
            "A test snack",
            "/snacks/" + uid + "/image",
            currency,
            new BigDecimal(price),
            "ACTIVE",
            1,
            Instant.now()));
    return uid;
  }

  protected String snack(String name) {
    return snack(name, "1500", "KRW");
  }

  protected void retire(String snackUid) {
    publishAndAwait(new SnackRetired(snackUid, 1, Instant.now()));
  }

  /** A member's reaction to a snack changes from {@code previous} to {@code current}. */
  protected void react(String snackUid, long memberId, String previous, String current) {
    publishAndAwait(
        new ReactionChanged(snackUid, memberId, previous, current, 0, 0, Instant.now()));
  }

  /** Waits until {@code topic} holds a record matching {@code match}, reading it from the start. */
  protected ConsumerRecord<String, String> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, String>> match) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SnackTestInfrastructure.get().kafkaBootstrap(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "order-service-test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(EVENT_TIMEOUT)
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (match.test(record)) {
                    found.set(record);
                  }
                }
                return found.get() != null;
              });
    }
    return found.get();
  }

  // ---- HTTP ----

  protected WebTestClient.ResponseSpec get(String path, Caller caller) {
    var request = client.get().uri(path);
    if (caller != null) {
      request = request.headers(h -> h.setBearerAuth(caller.token()));
    }
    return request.exchange();
  }

  protected WebTestClient.ResponseSpec post(String path, Caller caller, Object body) {
    var request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (caller != null) {
      request = request.headers(h -> h.setBearerAuth(caller.token()));
    }
    return request.bodyValue(body).exchange();
  }

  protected WebTestClient.ResponseSpec put(String path, Caller caller, Object body) {
    var request = client.put().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (caller != null) {
      request = request.headers(h -> h.setBearerAuth(caller.token()));
    }
    return request.bodyValue(body).exchange();
  }

  protected WebTestClient.ResponseSpec patch(String path, Caller caller, Object body) {
    var request = client.patch().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (caller != null) {
      request = request.headers(h -> h.setBearerAuth(caller.token()));
    }
    return request.bodyValue(body).exchange();
  }

  /** {@code {snacks: [{uid, quantity}, ...]}} from uid, quantity pairs. */
  protected static Map<String, Object> order(Object... uidsAndQuantities) {
    List<Map<String, Object>> snacks = new java.util.ArrayList<>();
    for (int i = 0; i < uidsAndQuantities.length; i += 2) {
      snacks.add(Map.of("uid", uidsAndQuantities[i], "quantity", uidsAndQuantities[i + 1]));
    }
    return Map.of("snacks", snacks);
  }

  /** Places an order (expecting 201) and returns its detail. */
  protected JsonNode place(Caller caller, Object... uidsAndQuantities) {
    return json(post("/orders/", caller, order(uidsAndQuantities)), HttpStatus.CREATED);
  }

  /** Moves an order (expecting 200) and returns its detail. */
  protected JsonNode move(Caller admin, String uid, String status, Instant arrival) {
    Map<String, Object> body =
        arrival == null
            ? Map.of("status", status)
            : Map.of("status", status, "estimated_arrival_time", arrival.toString());
    return json(patch("/orders/" + uid + "/status/", admin, body), HttpStatus.OK);
  }

  protected static Instant inDays(int days) {
    return Instant.now()
        .plus(Duration.ofDays(days))
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  /** The response body, parsed with exact decimals, after checking the status. */
  protected static JsonNode json(WebTestClient.ResponseSpec response, HttpStatus status) {
    byte[] body =
        response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
    assertThat(body).as("response body").isNotNull();
    return EXACT.readTree(body);
  }

  /** Checks a problem+json response: status and exact {@code detail}; returns the document. */
  protected static JsonNode problem(
      WebTestClient.ResponseSpec response, HttpStatus status, String detail) {
    response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json(response, status);
    assertThat(problem.path("status").asInt()).isEqualTo(status.value());
    if (detail != null) {
      assertThat(problem.path("detail").asString()).isEqualTo(detail);
    }
    return problem;
  }

  protected long count(String sql, Object... namesAndValues) {
    var spec = db.sql(sql);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      spec = spec.bind((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return spec.map(row -> row.get(0, Long.class)).one().block();
  }

  protected long ordersOf(Caller caller) {
    return count("SELECT count(*) FROM orders WHERE owner_id = :id", "id", caller.id());
  }
}
