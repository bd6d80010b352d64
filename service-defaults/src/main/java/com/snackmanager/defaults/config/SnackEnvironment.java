package com.snackmanager.defaults.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Gives every service the same configuration defaults ({@code snack-service-defaults.properties},
 * lowest precedence, so a service's own {@code application.yml} wins) and maps the suite's
 * infrastructure variables onto Spring's properties:
 *
 * <ul>
 *   <li>{@code SNACK_DB_URL} (JDBC URL) → Flyway's URL and the R2DBC URL derived from it
 *   <li>{@code SNACK_REDIS_URL} → {@code spring.data.redis.url}
 *   <li>{@code SNACK_KAFKA_BOOTSTRAP} → {@code spring.kafka.bootstrap-servers}
 * </ul>
 *
 * Without them, the local runner's default ports are used. Spring's own properties, when set, still
 * win over these.
 */
public class SnackEnvironment implements EnvironmentPostProcessor {

  static final String DEFAULTS = "snack-service-defaults.properties";
  static final String LOCAL_DB = "jdbc:postgresql://127.0.0.1:15432/postgres";
  static final String LOCAL_REDIS = "redis://127.0.0.1:16379";
  static final String LOCAL_KAFKA = "127.0.0.1:19092";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> derived = new HashMap<>();
    String jdbcUrl = environment.getProperty("SNACK_DB_URL", LOCAL_DB);
    derived.put("spring.flyway.url", jdbcUrl);
    derived.put("spring.r2dbc.url", r2dbcUrl(jdbcUrl));
    derived.put("spring.data.redis.url", environment.getProperty("SNACK_REDIS_URL", LOCAL_REDIS));
    derived.put(
        "spring.kafka.bootstrap-servers",
        environment.getProperty("SNACK_KAFKA_BOOTSTRAP", LOCAL_KAFKA));
    var sources = environment.getPropertySources();
    MapPropertySource infrastructure = new MapPropertySource("snackInfrastructure", derived);
    if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
      sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, infrastructure);
    } else {
      sources.addLast(infrastructure);
    }
    try {
      sources.addLast(
          new ResourcePropertySource("snackServiceDefaults", new ClassPathResource(DEFAULTS)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String r2dbcUrl(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("SNACK_DB_URL must be a JDBC URL (jdbc:postgresql://…)");
    }
    return "r2dbc:" + jdbcUrl.substring("jdbc:".length());
  }
}
