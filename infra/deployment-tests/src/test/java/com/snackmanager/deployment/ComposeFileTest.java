package com.snackmanager.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml, read as data: the rules of the issue, so that the file cannot rot. */
class ComposeFileTest {

  static final String COMPOSE = "docker-compose.yml";
  static final String ENV_EXAMPLE = ".env.example";
  static final Set<String> INFRASTRUCTURE =
      Set.of("postgres", "redis", "kafka", "prometheus", "grafana");
  static final Set<String> PUBLISHING = Set.of("gateway", "grafana");

  /** Variable names that hold secrets: their value must come from the environment. */
  static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(PASSWORD|SECRET|PRIVATE_KEY|TOKEN|CREDENTIAL|API_KEY).*");

  /** {@code ${VAR}}, {@code ${VAR:?message}}, or {@code ${VAR:-}} (empty default): no literal. */
  static final Pattern FROM_ENVIRONMENT =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?\\?[^}]*|:?-)?}");

  static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?\\?");

  static Map<String, Object> compose;
  static Map<String, Map<String, Object>> services;

  @BeforeAll
  static void load() {
    compose = Repository.yaml(COMPOSE);
    services = new LinkedHashMap<>();
    Yamls.mapAt(compose, "services")
        .forEach((name, body) -> services.put(name, Yamls.map(body, "service " + name)));
  }

  @Test
  void runsTheWholeSuite() {
    Set<String> expected = new LinkedHashSet<>(Suite.names());
    expected.addAll(INFRASTRUCTURE);
    assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyContainerHasAHealthcheck() {
    services.forEach(
        (name, service) -> {
          Map<String, Object> healthcheck =
              Yamls.map(
                  Yamls.at(service, "healthcheck")
                      .orElseThrow(() -> new AssertionError(name + " has no healthcheck")),
                  name + ".healthcheck");
          assertThat(healthcheck.get("disable")).as(name).isNotEqualTo(true);
          assertThat(Yamls.list(healthcheck.get("test"), name + ".healthcheck.test"))
              .as(name + " healthcheck test")
              .isNotEmpty()
              .doesNotContain("NONE");
        });
  }

  @Test
  void everyContainerHasAMemoryLimit() {
    services.forEach(
        (name, service) -> {
          Optional<Object> limit =
              Yamls.at(service, "mem_limit")
                  .or(() -> Yamls.at(service, "deploy", "resources", "limits", "memory"));
          assertThat(limit).as(name + " memory limit (mem_limit or deploy.resources)").isPresent();
        });
  }

  @Test
  void dependenciesWaitUntilHealthy() {
    services.forEach(
        (name, service) ->
            Yamls.at(service, "depends_on")
                .ifPresent(
                    dependsOn -> {
                      Map<String, Object> dependencies =
                          Yamls.map(dependsOn, name + ".depends_on (long form with conditions)");
                      dependencies.forEach(
                          (dependency, spec) -> {
                            assertThat(services).as(name + " depends on").containsKey(dependency);
                            assertThat(Yamls.string(spec, "condition"))
                                .as(name + " -> " + dependency)
                                .isEqualTo("service_healthy");
                          });
                    }));
    // the services wait for what they use
    for (Suite.Service service : Suite.SERVICES) {
      Set<String> dependsOn = Yamls.mapAt(services.get(service.name()), "depends_on").keySet();
      assertThat(dependsOn).as(service.name()).contains("redis");
      if (service.usesPostgres()) {
        assertThat(dependsOn).as(service.name()).contains("postgres");
      }
      if (service.usesKafka()) {
        assertThat(dependsOn).as(service.name()).contains("kafka");
      }
    }
    assertThat(Yamls.mapAt(services.get("gateway"), "depends_on").keySet())
        .containsAll(Suite.names().stream().filter(name -> !name.equals("gateway")).toList());
  }

  @Test
  void onlyTheGatewayAndGrafanaPublishPorts() {
    services.forEach(
        (name, service) -> {
          List<Object> ports = Yamls.listAt(service, "ports");
          if (PUBLISHING.contains(name)) {
            assertThat(ports).as(name + " publishes its port").isNotEmpty();
          } else {
            assertThat(ports).as(name + " must not publish ports").isEmpty();
          }
        });
    assertThat(String.valueOf(Yamls.listAt(services.get("gateway"), "ports").get(0)))
        .endsWith(":8080");
  }

  /** Published, but on the host's loopback unless a variable deliberately says otherwise. */
  @Test
  void publishedPortsListenOnLoopbackByDefault() {
    Pattern loopback = Pattern.compile("(127\\.0\\.0\\.1|\\$\\{[A-Z_]+:-127\\.0\\.0\\.1}):.+");
    for (String name : PUBLISHING) {
      for (String port : strings(Yamls.listAt(services.get(name), "ports"))) {
        assertThat(port).as(name + " publishes " + port).matches(loopback);
      }
    }
    assertThat(String.valueOf(Yamls.listAt(services.get("gateway"), "ports").get(0)))
        .startsWith("${GATEWAY_BIND:-127.0.0.1}:");
    assertThat(Repository.read(ENV_EXAMPLE))
        .as(".env.example explains how to expose the gateway")
        .contains("#GATEWAY_BIND=");
  }

  /** No key in .env: the auth-service's own, on a volume, so a restart signs nobody out. */
  @Test
  void theAuthServiceKeepsItsGeneratedSigningKeyOnAVolume() {
    Map<String, Object> auth = services.get("auth-service");
    String keyFile = environment(auth).get("SNACK_JWT_GENERATED_KEY_FILE");
    assertThat(keyFile).as("SNACK_JWT_GENERATED_KEY_FILE").isNotBlank();
    String keyDir = keyFile.substring(0, keyFile.lastIndexOf('/'));
    String volume =
        strings(Yamls.listAt(auth, "volumes")).stream()
            .filter(mount -> mount.endsWith(":" + keyDir))
            .map(mount -> mount.substring(0, mount.indexOf(':')))
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing is mounted at " + keyDir));
    assertThat(Yamls.mapAt(compose, "volumes"))
        .as("a named volume (kept by `docker compose down`), not a path")
        .containsKey(volume);
    assertThat(environment(auth))
        .containsEntry("SNACK_JWT_PRIVATE_KEY", "${SNACK_JWT_PRIVATE_KEY:-}");
    assertThat(Repository.read("Dockerfile"))
        .as("the image owns the directory, so a fresh volume there is writable by the service")
        .contains("install -d -o 10001 -g 10001 -m 700 " + keyDir);
  }

  @Test
  void secretsComeFromTheEnvironmentNeverAsLiterals() {
    List<String> literals = new ArrayList<>();
    services.forEach(
        (name, service) ->
            environment(service)
                .forEach(
                    (key, value) -> {
                      if (SECRET_NAME.matcher(key).matches()
                          && (value == null || !FROM_ENVIRONMENT.matcher(value).matches())) {
                        literals.add(name + "." + key + "=" + value);
                      }
                    }));
    assertThat(literals).as("secret values written into docker-compose.yml").isEmpty();
    assertThat(gitTracks(".env")).as("a real .env is never committed").isFalse();
  }

  @Test
  void theExampleEnvironmentDefinesEveryRequiredVariableWithPlaceholders() {
    Map<String, String> example = dotEnv(Repository.read(ENV_EXAMPLE));
    Matcher required = REQUIRED_VARIABLE.matcher(Repository.read(COMPOSE));
    Set<String> requiredNames = new LinkedHashSet<>();
    while (required.find()) {
      requiredNames.add(required.group(1));
    }
    assertThat(requiredNames).isNotEmpty();
    assertThat(example.keySet())
        .as("`cp .env.example .env` must give a file compose accepts")
        .containsAll(requiredNames);
    example.forEach(
        (key, value) -> {
          if (SECRET_NAME.matcher(key).matches() && !value.isEmpty()) {
            assertThat(value)
                .as(key + " in .env.example must be a placeholder")
                .contains("change-me");
          }
        });
  }

  @Test
  void everyImageIsPinned() {
    services.forEach(
        (name, service) -> {
          String image = Yamls.string(service, "image");
          assertThat(image).as(name + " image").isNotBlank();
          assertThat(Images.isPinned(Images.withDefaults(image)))
              .as(name + " image " + image + " must name a tag other than latest")
              .isTrue();
        });
  }

  @Test
  void theServicesAreBuiltFromTheSharedDockerfile() {
    for (Suite.Service service : Suite.SERVICES) {
      Map<String, Object> build =
          Yamls.map(
              Yamls.at(services.get(service.name()), "build")
                  .orElseThrow(() -> new AssertionError(service.name() + " has no build")),
              service.name() + ".build");
      assertThat(Yamls.string(build, "context")).as(service.name()).isEqualTo(".");
      assertThat(Yamls.string(build, "dockerfile")).as(service.name()).isEqualTo("Dockerfile");
      assertThat(Yamls.string(build, "args", "MODULE"))
          .as(service.name())
          .isEqualTo(service.name());
      assertThat(Yamls.string(build, "args", "PORT"))
          .as(service.name())
          .isEqualTo(String.valueOf(service.port()));
      assertThat(Images.withDefaults(Yamls.string(services.get(service.name()), "image")))
          .as(service.name() + " image name")
          .startsWith("snack-manager/" + service.name() + ":");
    }
    for (String name : INFRASTRUCTURE) {
      assertThat(services.get(name))
          .as(name + " uses its official image")
          .doesNotContainKey("build");
    }
  }

  @Test
  void eachServiceGetsItsPortRoleAndInfrastructure() {
    for (Suite.Service service : Suite.SERVICES) {
      Map<String, Object> body = services.get(service.name());
      Map<String, String> env = environment(body);
      String port = String.valueOf(service.port());
      assertThat(env).as(service.name()).containsEntry("SERVER_PORT", port);
      assertThat(env)
          .as(service.name())
          .containsEntry("SNACK_REDIS_URL", "redis://redis:6379")
          .containsEntry("SNACK_JWKS_URI", "http://auth-service:8081/auth/jwks/");
      assertThat(String.join(" ", strings(Yamls.listAt(body, "healthcheck", "test"))))
          .as(service.name() + " healthcheck asks the readiness probe on the management port")
          .contains("127.0.0.1:" + Suite.MANAGEMENT_PORT + "/actuator/health/readiness");
      if (service.usesPostgres()) {
        assertThat(env)
            .as(service.name())
            .containsEntry("SNACK_DB_URL", "jdbc:postgresql://postgres:5432/snack")
            .containsEntry("SNACK_DB_USER", service.databaseRole().orElseThrow())
            .containsKey("SNACK_DB_PASSWORD");
      }
      if (service.usesKafka()) {
        assertThat(env).as(service.name()).containsEntry("SNACK_KAFKA_BOOTSTRAP", "kafka:9092");
      }
    }
    Map<String, String> gateway = environment(services.get("gateway"));
    for (Suite.Service service : Suite.SERVICES) {
      if (!service.name().equals("gateway")) {
        assertThat(gateway)
            .as("the gateway routes to " + service.name())
            .containsEntry(
                service.urlVariable(), "http://" + service.name() + ":" + service.port());
      }
    }
    Suite.Service snackService = Suite.service("snack-service");
    for (String reader : Suite.CATALOG_READERS) {
      assertThat(environment(services.get(reader)))
          .as("the " + reader + "'s catalog read-through")
          .containsEntry(snackService.urlVariable(), "http://snack-service:" + snackService.port());
    }
  }

  @Test
  void postgresRunsTheSharedSchemaFileThroughTheInitScript() {
    List<String> volumes = strings(Yamls.listAt(services.get("postgres"), "volumes"));
    assertThat(volumes)
        .anySatisfy(volume -> assertThat(volume).startsWith("./" + Suite.SCHEMA_SQL + ":"))
        .anySatisfy(
            volume ->
                assertThat(volume)
                    .startsWith("./infra/compose/postgres-init.sh:/docker-entrypoint-initdb.d/"));
    String script = Repository.read("infra/compose/postgres-init.sh");
    String mountedSql =
        volumes.stream()
            .filter(volume -> volume.startsWith("./" + Suite.SCHEMA_SQL + ":"))
            .map(volume -> volume.split(":")[1])
            .findFirst()
            .orElseThrow();
    assertThat(script).contains(mountedSql);
    Map<String, String> env = environment(services.get("postgres"));
    for (String variable : psqlVariables()) {
      Matcher passed = Pattern.compile("-v " + variable + "=\"\\$([A-Z_]+)\"").matcher(script);
      assertThat(passed.find()).as("postgres-init.sh passes psql variable " + variable).isTrue();
      assertThat(env)
          .as("the postgres container gets " + passed.group(1) + " for " + variable)
          .containsKey(passed.group(1));
    }
  }

  @Test
  void staysWithinWhatDockerComposeOneAccepts() {
    assertThat(compose).as("top-level keys").doesNotContainKeys("name", "develop");
    services.forEach((name, service) -> assertThat(service).as(name).doesNotContainKey("develop"));
  }

  /** The real parser, when one is installed: `docker-compose config -q` (or `docker compose`). */
  @Test
  void composeAcceptsTheFile() {
    Optional<List<String>> compose = composeCommand();
    Assumptions.assumeTrue(
        compose.isPresent(), "no docker-compose (or docker compose) binary on the PATH");
    List<String> command = new ArrayList<>(compose.get());
    command.addAll(List.of("--env-file", ENV_EXAMPLE, "-f", COMPOSE, "config", "-q"));
    Commands.Result result = Commands.run(command, Repository.root(), Duration.ofMinutes(2));
    assertThat(result.exitCode())
        .as(String.join(" ", command) + " said:\n" + result.output())
        .isZero();
  }

  static Optional<List<String>> composeCommand() {
    Optional<Path> standalone = Commands.find("docker-compose");
    if (standalone.isPresent()) {
      return Optional.of(List.of(standalone.get().toString()));
    }
    Optional<Path> docker = Commands.find("docker");
    if (docker.isPresent()
        && Commands.run(
                    List.of(docker.get().toString(), "compose", "version"),
                    Repository.root(),
                    Duration.ofSeconds(30))
                .exitCode()
            == 0) {
      return Optional.of(List.of(docker.get().toString(), "compose"));
    }
    return Optional.empty();
  }

  /** The psql variables ({@code :'name'}) the schema file expects. */
  static Set<String> psqlVariables() {
    Matcher matcher = Pattern.compile(":'([a-z_]+)'").matcher(Repository.read(Suite.SCHEMA_SQL));
    Set<String> variables = new LinkedHashSet<>();
    while (matcher.find()) {
      variables.add(matcher.group(1));
    }
    assertThat(variables).as("psql variables of " + Suite.SCHEMA_SQL).isNotEmpty();
    return variables;
  }

  /** A service's environment, in either of compose's forms (mapping or KEY=VALUE list). */
  static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object raw = service.get("environment");
    if (raw instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) ->
              env.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
    } else if (raw instanceof List<?> list) {
      for (Object entry : list) {
        String text = String.valueOf(entry);
        int equals = text.indexOf('=');
        env.put(
            equals < 0 ? text : text.substring(0, equals),
            equals < 0 ? null : text.substring(equals + 1));
      }
    } else if (raw != null) {
      fail("environment of a service is neither a mapping nor a list: " + raw);
    }
    return env;
  }

  static Map<String, String> dotEnv(String text) {
    return text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
        .collect(
            Collectors.toMap(
                line -> line.substring(0, line.indexOf('=')).strip(),
                line -> line.substring(line.indexOf('=') + 1).strip(),
                (first, second) -> second,
                LinkedHashMap::new));
  }

  static List<String> strings(List<Object> values) {
    return values.stream().map(String::valueOf).toList();
  }

  private static boolean gitTracks(String relative) {
    Optional<Path> git = Commands.find("git");
    if (git.isEmpty() || !Files.exists(Repository.path(".git"))) {
      return false;
    }
    return Commands.run(
                List.of(git.get().toString(), "ls-files", "--error-unmatch", relative),
                Repository.root(),
                Duration.ofSeconds(30))
            .exitCode()
        == 0;
  }
}
