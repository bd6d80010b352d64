package com.snackmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerSettingsTest {

  @Test
  void usesTheLocalDefaultsWhenNothingIsSet() {
    RunnerSettings settings = RunnerSettings.from(Path.of("/suite"), Map.of());

    assertThat(settings.postgresPort()).isEqualTo(15432);
    assertThat(settings.redisPort()).isEqualTo(16379);
    assertThat(settings.kafkaPort()).isEqualTo(19092);
    assertThat(settings.kafkaControllerPort()).isEqualTo(19093);
    assertThat(settings.externalDbUrl()).isEmpty();
    assertThat(settings.externalRedisUrl()).isEmpty();
    assertThat(settings.externalKafkaBootstrap()).isEmpty();
    assertThat(settings.adminEmail()).isEqualTo("admin@snack.local");
    assertThat(settings.adminPassword()).isEqualTo("snack-admin-dev");
    assertThat(settings.serviceJavaOpts()).isEmpty();
    assertThat(settings.wants("gateway")).isTrue();
    assertThat(settings.logs()).isEqualTo(Path.of("/suite/.run/logs"));
    assertThat(settings.postgresData()).isEqualTo(Path.of("/suite/.run/postgres"));
    assertThat(settings.signingKey()).isEqualTo(Path.of("/suite/.run/jwt-signing-key.pem"));
    assertThat(settings.classDataSharing()).isTrue();
  }

  @Test
  void classDataSharingCanBeTurnedOff() {
    assertThat(
            RunnerSettings.from(Path.of("/suite"), Map.of("SNACK_CDS", "false")).classDataSharing())
        .isFalse();
    assertThat(
            RunnerSettings.from(Path.of("/suite"), Map.of("SNACK_CDS", "true")).classDataSharing())
        .isTrue();
  }

  @Test
  void readsPortsEndpointsAndOptionsFromTheEnvironment() {
    RunnerSettings settings =
        RunnerSettings.from(
            Path.of("/suite"),
            Map.of(
                "SNACK_PG_PORT", "25432",
                "SNACK_KAFKA_PORT", "29092",
                "SNACK_DB_URL", "jdbc:postgresql://db:5432/snack",
                "SNACK_REDIS_URL", "redis://cache:6379",
                "SNACK_KAFKA_BOOTSTRAP", "kafka:9092",
                "SNACK_SERVICE_JAVA_OPTS", " -Xmx256m  -Dfoo=bar ",
                "SNACK_SERVICES", "auth-service, gateway"));

    assertThat(settings.postgresPort()).isEqualTo(25432);
    assertThat(settings.kafkaControllerPort()).isEqualTo(29093);
    assertThat(settings.externalDbUrl()).contains("jdbc:postgresql://db:5432/snack");
    assertThat(settings.externalRedisUrl()).contains("redis://cache:6379");
    assertThat(settings.externalKafkaBootstrap()).contains("kafka:9092");
    assertThat(settings.serviceJavaOpts()).isEqualTo(List.of("-Xmx256m", "-Dfoo=bar"));
    assertThat(settings.wants("auth-service")).isTrue();
    assertThat(settings.wants("gateway")).isTrue();
    assertThat(settings.wants("snack-service")).isFalse();
  }

  @Test
  void treatsBlankValuesAsUnset() {
    RunnerSettings settings =
        RunnerSettings.from(Path.of("/suite"), Map.of("SNACK_DB_URL", " ", "SNACK_PG_PORT", ""));

    assertThat(settings.externalDbUrl()).isEmpty();
    assertThat(settings.postgresPort()).isEqualTo(15432);
  }

  @Test
  void rejectsAPortThatIsNotOne() {
    assertThatThrownBy(
            () -> RunnerSettings.from(Path.of("/suite"), Map.of("SNACK_REDIS_PORT", "70000")))
        .hasMessageContaining("SNACK_REDIS_PORT");
  }

  @Test
  void seesWhetherAPortIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(Supervisor.isFree(taken.getLocalPort())).isFalse();
    }
  }
}
