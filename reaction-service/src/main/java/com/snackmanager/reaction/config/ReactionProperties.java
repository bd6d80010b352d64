package com.snackmanager.reaction.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code snack.reactions.*}.
 *
 * @param batch the group-commit writer
 * @param maxAttempts how often one request may decide in Redis (the snack was not cached yet, or
 *     its cache was rebuilt between the decision and the write) before it answers 503
 * @param warmUpOnStart whether snacks missing from Redis are rebuilt from PostgreSQL at start-up
 *     (otherwise each is rebuilt by its first request)
 */
@ConfigurationProperties("snack.reactions")
public record ReactionProperties(
    @DefaultValue Batch batch,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("true") boolean warmUpOnStart) {

  public ReactionProperties {
    if (maxAttempts < 2) {
      throw new IllegalArgumentException(
          "snack.reactions.max-attempts must be at least 2 (a first request caches the snack)");
    }
  }

  /**
   * @param maxSize changes written in one transaction at most
   * @param maxConcurrent transactions in flight at once
   * @param timeout how long a batch may take before its requests answer 503
   */
  public record Batch(
      @DefaultValue("256") int maxSize,
      @DefaultValue("1") int maxConcurrent,
      @DefaultValue("5s") Duration timeout) {

    public Batch {
      if (maxSize < 1 || maxConcurrent < 1) {
        throw new IllegalArgumentException(
            "snack.reactions.batch.max-size and max-concurrent must be at least 1");
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("snack.reactions.batch.timeout must be positive");
      }
    }
  }
}
