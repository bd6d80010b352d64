package com.snackmanager.events.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code snack.kafka.*}: topic layout and consumer retries.
 *
 * @param partitions partitions of each declared topic and its dead-letter topic
 * @param replicationFactor replicas of each declared topic
 * @param retries how often a failing record is retried before it goes to the dead-letter topic
 * @param retryBackoff the first pause between retries; it doubles with each retry
 */
@ConfigurationProperties("snack.kafka")
public record SnackKafkaProperties(
    @DefaultValue("3") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("3") int retries,
    @DefaultValue("500ms") Duration retryBackoff) {

  public SnackKafkaProperties {
    if (partitions < 1 || replicationFactor < 1 || retries < 0) {
      throw new IllegalArgumentException(
          "snack.kafka: partitions and replication-factor must be at least 1, retries at least 0");
    }
    if (retryBackoff == null || retryBackoff.isNegative()) {
      throw new IllegalArgumentException("snack.kafka.retry-backoff must not be negative");
    }
  }
}
