package com.snackmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.runner.ServiceProcess.Endpoints;
import com.snackmanager.runner.ServiceTable.Service;
import com.snackmanager.testsupport.ServiceDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

  private final Endpoints endpoints =
      new Endpoints(
          "jdbc:postgresql://127.0.0.1:15432/postgres",
          "redis://127.0.0.1:16379",
          "127.0.0.1:19092",
          Path.of("/suite/.run/jwt-signing-key.pem"));

  @Test
  void givesAServiceWithASchemaItsOwnRoleAndTheSharedEndpoints() {
    RunnerSettings settings = RunnerSettings.from(Path.of("/suite"), Map.of());

    Map<String, String> env =
        ServiceProcess.environment(
            ServiceTable.find("auth-service").orElseThrow(), endpoints, settings);

    assertThat(env)
        .containsEntry("SERVER_PORT", "8081")
        .containsEntry("MANAGEMENT_SERVER_PORT", "9081")
        .containsEntry("SNACK_DB_URL", "jdbc:postgresql://127.0.0.1:15432/postgres")
        .containsEntry("SNACK_DB_USER", "auth_svc")
        .containsEntry("SNACK_DB_PASSWORD", ServiceDatabase.AUTH.password())
        .containsEntry("SNACK_REDIS_URL", "redis://127.0.0.1:16379")
        .containsEntry("SNACK_KAFKA_BOOTSTRAP", "127.0.0.1:19092")
        .containsEntry("SNACK_ADMIN_EMAIL", "admin@snack.local")
        .containsEntry("SNACK_ADMIN_PASSWORD", "snack-admin-dev")
        .containsEntry("SNACK_JWT_PRIVATE_KEY_FILE", "/suite/.run/jwt-signing-key.pem");
  }

  @Test
  void givesAServiceWithoutASchemaNoDatabaseVariables() {
    RunnerSettings settings = RunnerSettings.from(Path.of("/suite"), Map.of());

    Map<String, String> env =
        ServiceProcess.environment(ServiceTable.find("gateway").orElseThrow(), endpoints, settings);

    assertThat(env)
        .containsEntry("SERVER_PORT", "8080")
        .containsEntry("SNACK_REDIS_URL", "redis://127.0.0.1:16379");
    assertThat(env.keySet()).noneMatch(name -> name.startsWith("SNACK_DB_"));
  }

  @Test
  void shiftsEveryPortByTheOffsetAndTellsEachServiceWhereTheOthersAre() {
    RunnerSettings settings =
        RunnerSettings.from(
            Path.of("/suite"), Map.of("SNACK_PORT_OFFSET", "1000", "SNACK_RUN_DIR", "target/e2e"));

    Service gateway =
        ServiceTable.inStartOrder(settings.portOffset()).stream()
            .filter(service -> service.name().equals("gateway"))
            .findFirst()
            .orElseThrow();
    Map<String, String> env = ServiceProcess.environment(gateway, endpoints, settings);

    assertThat(env)
        .containsEntry("SERVER_PORT", "9080")
        .containsEntry("MANAGEMENT_SERVER_PORT", "10080")
        .containsEntry("SNACK_AUTH_SERVICE_URL", "http://127.0.0.1:9081")
        .containsEntry("SNACK_JWKS_URI", "http://127.0.0.1:9081/auth/jwks/");
    assertThat(settings.runDir()).isEqualTo(Path.of("/suite/target/e2e"));
  }

  @Test
  void passesTheAdminCredentialsGivenToTheRunner() {
    RunnerSettings settings =
        RunnerSettings.from(
            Path.of("/suite"),
            Map.of("SNACK_ADMIN_EMAIL", "boss@example.com", "SNACK_ADMIN_PASSWORD", "s3cret!"));

    Map<String, String> env =
        ServiceProcess.environment(
            ServiceTable.find("auth-service").orElseThrow(), endpoints, settings);

    assertThat(env)
        .containsEntry("SNACK_ADMIN_EMAIL", "boss@example.com")
        .containsEntry("SNACK_ADMIN_PASSWORD", "s3cret!");
  }

  @Test
  void putsExtraJvmOptionsAfterTheDefaultsSoTheyWin() {
    List<String> command =
        ServiceProcess.command(
            Path.of("/jdk/bin/java"), Path.of("/suite/gateway.jar"), List.of("-Xmx1g", "-Dx=y"));

    assertThat(command)
        .containsExactly(
            "/jdk/bin/java",
            "-Xmx384m",
            "-Xmn64m",
            "-XX:+UseSerialGC",
            "-Xmx1g",
            "-Dx=y",
            "-jar",
            "/suite/gateway.jar");
  }
}
