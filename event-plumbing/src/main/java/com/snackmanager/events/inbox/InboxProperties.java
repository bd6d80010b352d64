package com.snackmanager.events.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code snack.inbox.*}: how long the ids of processed events are kept.
 *
 * @param retention how long an event id is remembered. A redelivery older than this would be
 *     applied again, so it must outlast the redelivery window (seconds to minutes) and the oldest
 *     dead letter anyone may still replay: a replay reaches every consumer group again, and only
 *     this record makes the groups that had processed the event skip it
 * @param purgeInterval how often older ids are deleted
 * @param purgeBatch ids deleted per statement (a purge repeats until none are left)
 */
@ConfigurationProperties("snack.inbox")
public record InboxProperties(
    @DefaultValue("30d") Duration retention,
    @DefaultValue("1h") Duration purgeInterval,
    @DefaultValue("10000") int purgeBatch) {

  public InboxProperties {
    if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("snack.inbox.retention must be at least 1d");
    }
    if (purgeInterval == null || purgeInterval.isNegative() || purgeInterval.isZero()) {
      throw new IllegalArgumentException("snack.inbox.purge-interval must be positive");
    }
    if (purgeBatch < 1) {
      throw new IllegalArgumentException("snack.inbox.purge-batch must be at least 1");
    }
  }
}
