package com.snackmanager.events.kafka;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code snack.kafka.*}: topic layout and consumer retries (see {@link FailureClassifier} for which
 * failures are retried how).
 *
 * @param topics the topics this service produces or consumes: each is declared at start-up with its
 *     dead-letter topic ({@link SnackTopics}), so a service can start before the others
 * @param partitions partitions of each declared topic and its dead-letter topic
 * @param replicationFactor replicas of each declared topic
 * @param retries how often a record that failed for a reason that will repeat is retried before it
 *     goes to the dead-letter topic; a transient failure is retried without limit
 * @param retryBackoff the first pause before a retry; it doubles with each retry
 * @param retryBackoffMax the longest pause between retries. The consumer thread sleeps through it
 *     without polling, so it must stay well below {@code max.poll.interval.ms}
 */
@ConfigurationProperties("snack.kafka")
public record SnackKafkaProperties(
    @DefaultValue List<String> topics,
    @DefaultValue("3") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("3") int retries,
    @DefaultValue("500ms") Duration retryBackoff,
    @DefaultValue("30s") Duration retryBackoffMax) {

  public SnackKafkaProperties {
    topics = List.copyOf(topics);
    if (partitions < 1 || replicationFactor < 1 || retries < 0) {
      throw new IllegalArgumentException(
          "snack.kafka: partitions and replication-factor must be at least 1, retries at least 0");
    }
    if (retryBackoff == null
        || retryBackoff.isNegative()
        || retryBackoffMax == null
        || retryBackoffMax.compareTo(retryBackoff) < 0) {
      throw new IllegalArgumentException(
          "snack.kafka: retry-backoff must not be negative, nor above retry-backoff-max");
    }
  }
}
