package com.snackmanager.runner;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the runner reads from its environment, with the defaults, and where it keeps its state
 * ({@code <root>/.run}).
 *
 * @param root the project root (service jars are found under it)
 * @param externalDbUrl {@code SNACK_DB_URL}: use this PostgreSQL instead of the embedded one
 * @param externalRedisUrl {@code SNACK_REDIS_URL}: use this Redis instead of the embedded one
 * @param externalKafkaBootstrap {@code SNACK_KAFKA_BOOTSTRAP}: use this Kafka instead of a local
 *     broker
 * @param services {@code SNACK_SERVICES}: start only these (comma separated; {@code none} for
 *     infrastructure only); empty means all
 * @param portOffset {@code SNACK_PORT_OFFSET}: added to every service's port (so a second suite,
 *     such as the end-to-end tests', can run beside a developer's)
 * @param runDir {@code SNACK_RUN_DIR}: where state, logs and data go (default {@code <root>/.run})
 * @param classDataSharing {@code SNACK_CDS}: run the services from their extracted jars with a
 *     class data archive ({@link ClassDataSharing}); {@code false} runs the fat jars as they are
 * @param serviceJavaHome {@code SNACK_SERVICE_JAVA_HOME}: the JDK the services and Kafka run on
 *     (default: the newest beside the runner's, see {@link ServiceJava})
 */
record RunnerSettings(
    Path root,
    int postgresPort,
    int redisPort,
    int kafkaPort,
    int kafkaControllerPort,
    Optional<String> externalDbUrl,
    Optional<String> dbAdminUser,
    String dbAdminPassword,
    Optional<String> externalRedisUrl,
    Optional<String> externalKafkaBootstrap,
    String adminEmail,
    String adminPassword,
    List<String> serviceJavaOpts,
    Optional<Set<String>> services,
    int portOffset,
    Path runDir,
    boolean classDataSharing,
    Optional<Path> serviceJavaHome) {

  static final String DEFAULT_ADMIN_EMAIL = "admin@snack.local";
  static final String DEFAULT_ADMIN_PASSWORD = "snack-admin-dev";

  static RunnerSettings from(Path root, Map<String, String> env) {
    int kafkaPort = port(env, "SNACK_KAFKA_PORT", 19092);
    Path normalRoot = root.toAbsolutePath().normalize();
    return new RunnerSettings(
        normalRoot,
        port(env, "SNACK_PG_PORT", 15432),
        port(env, "SNACK_REDIS_PORT", 16379),
        kafkaPort,
        port(env, "SNACK_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
        value(env, "SNACK_DB_URL"),
        value(env, "SNACK_DB_ADMIN_USER"),
        value(env, "SNACK_DB_ADMIN_PASSWORD").orElse(""),
        value(env, "SNACK_REDIS_URL"),
        value(env, "SNACK_KAFKA_BOOTSTRAP"),
        value(env, "SNACK_ADMIN_EMAIL").orElse(DEFAULT_ADMIN_EMAIL),
        value(env, "SNACK_ADMIN_PASSWORD").orElse(DEFAULT_ADMIN_PASSWORD),
        value(env, "SNACK_SERVICE_JAVA_OPTS")
            .map(opts -> List.of(opts.trim().split("\\s+")))
            .orElse(List.of()),
        value(env, "SNACK_SERVICES")
            .map(list -> new LinkedHashSet<>(Arrays.asList(list.trim().split("\\s*,\\s*")))),
        offset(env),
        value(env, "SNACK_RUN_DIR")
            .map(dir -> normalRoot.resolve(dir).normalize())
            .orElse(normalRoot.resolve(".run")),
        !value(env, "SNACK_CDS").map("false"::equalsIgnoreCase).orElse(false),
        value(env, "SNACK_SERVICE_JAVA_HOME").map(Path::of));
  }

  boolean wants(String service) {
    return services.map(names -> names.contains(service)).orElse(true);
  }

  Path logs() {
    return runDir().resolve("logs");
  }

  Path log(String name) {
    return logs().resolve(name + ".log");
  }

  Path postgresData() {
    return runDir().resolve("postgres");
  }

  Path kafkaDir() {
    return runDir().resolve("kafka");
  }

  Path signingKey() {
    return runDir().resolve("jwt-signing-key.pem");
  }

  Path readyFile() {
    return runDir().resolve("ready");
  }

  Path failedFile() {
    return runDir().resolve("failed");
  }

  Path pidsFile() {
    return runDir().resolve("pids");
  }

  Path runnerPidFile() {
    return runDir().resolve("runner.pid");
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static int offset(Map<String, String> env) {
    Optional<String> given = value(env, "SNACK_PORT_OFFSET");
    try {
      int offset = given.map(Integer::parseInt).orElse(0);
      if (offset < 0 || offset > 50000) {
        throw new NumberFormatException();
      }
      return offset;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "SNACK_PORT_OFFSET must be a number from 0 to 50000, not '" + given.orElse("") + "'");
    }
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    Optional<String> given = value(env, name);
    if (given.isEmpty()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(given.get());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a TCP port, not '" + given.get() + "'");
    }
  }
}
