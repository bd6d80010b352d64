package com.snackmanager.events.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code snack.outbox.*}: how the {@link OutboxRelay} polls and cleans up.
 *
 * @param pollInterval pause between polls when the last batch was not full
 * @param batchSize rows published per transaction
 * @param retention how long published rows are kept (for inspection) before they are deleted; 0
 *     (the default) deletes each row as it is published
 * @param purgeInterval how often published rows past {@code retention} are deleted
 * @param maxBackoff the longest pause between retries while Kafka or the database fails
 * @param relay whether this instance runs a relay ({@code snack.outbox.relay.enabled})
 */
@ConfigurationProperties("snack.outbox")
public record OutboxProperties(
    @DefaultValue("100ms") Duration pollInterval,
    @DefaultValue("200") int batchSize,
    @DefaultValue("0s") Duration retention,
    @DefaultValue("1h") Duration purgeInterval,
    @DefaultValue("10s") Duration maxBackoff,
    @DefaultValue Relay relay) {

  public OutboxProperties {
    requirePositive(pollInterval, "poll-interval");
    if (retention == null || retention.isNegative()) {
      throw new IllegalArgumentException("snack.outbox.retention must be 0 or positive");
    }
    requirePositive(purgeInterval, "purge-interval");
    requirePositive(maxBackoff, "max-backoff");
    if (batchSize < 1) {
      throw new IllegalArgumentException("snack.outbox.batch-size must be at least 1");
    }
  }

  /**
   * @param enabled {@code false} for an instance that only writes rows (another one publishes)
   */
  public record Relay(@DefaultValue("true") boolean enabled) {}

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("snack.outbox." + name + " must be positive");
    }
  }
}
