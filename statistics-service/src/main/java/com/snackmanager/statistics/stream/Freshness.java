package com.snackmanager.statistics.stream;

import com.snackmanager.statistics.csv.CsvExportable;
import com.snackmanager.statistics.csv.CsvRow;
import com.snackmanager.statistics.csv.CsvTable;
import com.snackmanager.statistics.stream.StreamProgress.TopicProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far behind its event streams the statistics are.
 *
 * @param lagEvents records of all topics not applied yet; null if Kafka could not be asked
 * @param lagMs the largest topic lag in milliseconds (see {@link TopicFreshness#lagMs()})
 * @param kafkaError why Kafka could not be asked, or null
 */
public record Freshness(
    String consumerGroup,
    Instant checkedAt,
    Long lagEvents,
    Long lagMs,
    String kafkaError,
    List<TopicFreshness> topics)
    implements CsvExportable {

  /**
   * One topic.
   *
   * @param lagEvents records of the topic the group has not consumed yet (end offsets minus
   *     committed offsets), null if Kafka could not be asked
   * @param lagMs 0 when nothing is waiting; otherwise the age of the newest event applied, which
   *     bounds how old the figures are (null if none was applied yet or the lag is unknown)
   * @param eventsApplied events applied since the projections were last emptied
   * @param lastEventOccurredAt the latest {@code occurred_at} of an applied event
   * @param lastAppliedAt when an event of the topic was last applied
   * @param sinceLastAppliedMs milliseconds since then
   */
  public record TopicFreshness(
      String topic,
      Long lagEvents,
      Long lagMs,
      long eventsApplied,
      Instant lastEventOccurredAt,
      Instant lastAppliedAt,
      Long sinceLastAppliedMs)
      implements CsvRow {

    static final List<String> COLUMNS =
        List.of(
            "topic",
            "lag_events",
            "lag_ms",
            "events_applied",
            "last_event_occurred_at",
            "last_applied_at",
            "since_last_applied_ms");

    @Override
    public Map<String, Object> csvCells() {
      Map<String, Object> cells = new LinkedHashMap<>();
      cells.put("topic", topic);
      cells.put("lag_events", lagEvents);
      cells.put("lag_ms", lagMs);
      cells.put("events_applied", eventsApplied);
      cells.put("last_event_occurred_at", lastEventOccurredAt);
      cells.put("last_applied_at", lastAppliedAt);
      cells.put("since_last_applied_ms", sinceLastAppliedMs);
      return cells;
    }
  }

  /**
   * @param lag records not consumed per topic, or null when Kafka could not be asked
   */
  public static Freshness of(
      Instant now,
      String group,
      List<String> topics,
      Map<String, Long> lag,
      String kafkaError,
      Map<String, TopicProgress> progress) {
    List<TopicFreshness> rows = new ArrayList<>(topics.size());
    Long totalLag = lag == null ? null : 0L;
    Long maxLagMs = 0L;
    for (String topic : topics) {
      TopicProgress applied = progress.get(topic);
      Instant occurred = applied == null ? null : applied.lastEventOccurredAt();
      Instant appliedAt = applied == null ? null : applied.lastAppliedAt();
      Long topicLag = lag == null ? null : lag.getOrDefault(topic, 0L);
      Long lagMs;
      if (topicLag == null) {
        lagMs = null;
      } else if (topicLag == 0) {
        lagMs = 0L;
      } else {
        lagMs = occurred == null ? null : millisBetween(occurred, now);
      }
      if (totalLag != null) {
        totalLag += topicLag;
      }
      maxLagMs = lagMs == null || maxLagMs == null ? null : Math.max(maxLagMs, lagMs);
      rows.add(
          new TopicFreshness(
              topic,
              topicLag,
              lagMs,
              applied == null ? 0 : applied.eventsApplied(),
              occurred,
              appliedAt,
              appliedAt == null ? null : millisBetween(appliedAt, now)));
    }
    return new Freshness(group, now, totalLag, maxLagMs, kafkaError, rows);
  }

  @Override
  public CsvTable toCsv() {
    return CsvTable.of(TopicFreshness.COLUMNS, topics);
  }

  private static long millisBetween(Instant earlier, Instant later) {
    return Math.max(0, Duration.between(earlier, later).toMillis());
  }
}
