package com.snackmanager.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import redis.embedded.RedisServer;

/**
 * Real PostgreSQL, Redis and Kafka for integration tests, started once per test JVM (so once per
 * module's test run) and shared by every test class in it.
 *
 * <p>{@code SNACK_TEST_INFRA} picks where they come from:
 *
 * <ul>
 *   <li>{@code embedded} (default): zonky embedded PostgreSQL, the embedded-redis binary and
 *       spring-kafka-test's in-JVM KRaft broker. Needs nothing but a JDK.
 *   <li>{@code containers}: Testcontainers (PostgreSQL 16, Redis 7, Kafka); needs a Docker engine.
 *   <li>{@code external}: endpoints that are already running, from {@code SNACK_DB_URL} (JDBC URL),
 *       {@code SNACK_DB_ADMIN_USER}/{@code SNACK_DB_ADMIN_PASSWORD}, {@code SNACK_REDIS_URL}
 *       ({@code redis://host:port}) and {@code SNACK_KAFKA_BOOTSTRAP}.
 * </ul>
 *
 * In every mode the service schemas and roles are installed from {@code infra/postgres}.
 */
public final class SnackTestInfrastructure {

  private static SnackTestInfrastructure instance;

  private final String jdbcUrl;
  private final String redisHost;
  private final int redisPort;
  private final String kafkaBootstrap;

  private SnackTestInfrastructure(
      String jdbcUrl, String redisHost, int redisPort, String kafkaBootstrap) {
    this.jdbcUrl = jdbcUrl;
    this.redisHost = redisHost;
    this.redisPort = redisPort;
    this.kafkaBootstrap = kafkaBootstrap;
  }

  /** The shared infrastructure, started on first use. */
  public static synchronized SnackTestInfrastructure get() {
    if (instance == null) {
      String mode = System.getenv().getOrDefault("SNACK_TEST_INFRA", "embedded");
      instance =
          switch (mode.toLowerCase(Locale.ROOT)) {
            case "embedded" -> startEmbedded();
            case "containers" -> startContainers();
            case "external" -> useExternal();
            default ->
                throw new IllegalStateException(
                    "SNACK_TEST_INFRA must be embedded, containers or external, not " + mode);
          };
    }
    return instance;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The R2DBC form of {@link #jdbcUrl()}. */
  public String r2dbcUrl() {
    return "r2dbc:" + jdbcUrl.substring("jdbc:".length());
  }

  public String redisHost() {
    return redisHost;
  }

  public int redisPort() {
    return redisPort;
  }

  public String redisUrl() {
    return "redis://" + redisHost + ":" + redisPort;
  }

  public String kafkaBootstrap() {
    return kafkaBootstrap;
  }

  /**
   * Points a Spring Boot test context at this infrastructure, connecting to PostgreSQL as the given
   * service's own role (so a test would fail if the service touched another schema).
   */
  public void register(ServiceDatabase database, DynamicPropertyRegistry registry) {
    registry.add("spring.r2dbc.url", this::r2dbcUrl);
    registry.add("spring.r2dbc.username", database::role);
    registry.add("spring.r2dbc.password", database::password);
    registry.add("spring.flyway.url", this::jdbcUrl);
    registry.add("spring.flyway.user", database::role);
    registry.add("spring.flyway.password", database::password);
    // the services' tests read the events a request wrote from the outbox: keep published rows
    // (production deletes them as they are published; event-plumbing's OutboxRelayIT tests both)
    registry.add("snack.outbox.retention", () -> "1h");
    registerWithoutDatabase(registry);
  }

  /** Redis and Kafka only, for applications without a schema (the gateway). */
  public void registerWithoutDatabase(DynamicPropertyRegistry registry) {
    // a URL, because it takes precedence over any host/port default
    registry.add("spring.data.redis.url", this::redisUrl);
    registry.add("spring.kafka.bootstrap-servers", this::kafkaBootstrap);
  }

  private static SnackTestInfrastructure startEmbedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      // no user in the URL: the services connect with their own roles
      String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
      SchemaInstaller.install(jdbcUrl, "postgres", "postgres");

      int redisPort = FreePorts.find();
      RedisServer redis =
          RedisServer.newRedisServer()
              .port(redisPort)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      redis.start();

      EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
      kafka.brokerProperties(java.util.Map.of("group.initial.rebalance.delay.ms", "0"));
      kafka.afterPropertiesSet();

      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    kafka.destroy();
                    stopQuietly(redis);
                    closeQuietly(postgres);
                  },
                  "snack-test-infrastructure-stop"));
      return new SnackTestInfrastructure(
          jdbcUrl, "127.0.0.1", redisPort, kafka.getBrokersAsString());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded test infrastructure", e);
    }
  }

  @SuppressWarnings("resource") // containers live until the JVM exits (Testcontainers' Ryuk)
  private static SnackTestInfrastructure startContainers() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException("SNACK_TEST_INFRA=containers, but no Docker engine answers");
    }
    PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");
    GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
    KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    postgres.start();
    redis.start();
    kafka.start();
    SchemaInstaller.install(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    return new SnackTestInfrastructure(
        postgres.getJdbcUrl(),
        redis.getHost(),
        redis.getMappedPort(6379),
        kafka.getBootstrapServers());
  }

  private static SnackTestInfrastructure useExternal() {
    String jdbcUrl = required("SNACK_DB_URL");
    SchemaInstaller.install(
        jdbcUrl, required("SNACK_DB_ADMIN_USER"), required("SNACK_DB_ADMIN_PASSWORD"));
    URI redis = URI.create(required("SNACK_REDIS_URL"));
    return new SnackTestInfrastructure(
        jdbcUrl, redis.getHost(), redis.getPort(), required("SNACK_KAFKA_BOOTSTRAP"));
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("SNACK_TEST_INFRA=external needs " + name);
    }
    return value;
  }

  private static void stopQuietly(RedisServer redis) {
    try {
      redis.stop();
    } catch (IOException ignored) {
      // the JVM is exiting; the redis-server child process dies with it
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // the JVM is exiting; nothing else to do
    }
  }
}
