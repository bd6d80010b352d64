package com.snackmanager.defaults.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SnackEnvironmentTest {

  @Test
  void mapsTheSuiteVariablesOntoSpringProperties() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "SNACK_DB_URL", "jdbc:postgresql://db:5432/snack",
                    "SNACK_REDIS_URL", "redis://cache:6379",
                    "SNACK_KAFKA_BOOTSTRAP", "kafka:9092")));
    new SnackEnvironment().postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("spring.r2dbc.url"))
        .isEqualTo("r2dbc:postgresql://db:5432/snack");
    assertThat(environment.getProperty("spring.flyway.url"))
        .isEqualTo("jdbc:postgresql://db:5432/snack");
    assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://cache:6379");
    assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka:9092");
    assertThat(environment.getProperty("spring.jackson.property-naming-strategy"))
        .isEqualTo("SNAKE_CASE");
  }

  @Test
  void springsOwnPropertiesStillWin() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("test", Map.of("spring.r2dbc.url", "r2dbc:given")));
    new SnackEnvironment().postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:given");
  }

  @Test
  void aNonJdbcDatabaseUrlIsRefusedClearly() {
    assertThatThrownBy(() -> SnackEnvironment.r2dbcUrl("postgres://x"))
        .hasMessageContaining("JDBC URL");
  }
}
