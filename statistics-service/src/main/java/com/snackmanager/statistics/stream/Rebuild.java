package com.snackmanager.statistics.stream;

import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.statistics.order.FiguresCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Recomputes every figure from the event streams: stops this instance's listeners, moves the
 * consumer group back to the start of its topics, empties the projections and the inbox in one
 * statement, and starts the listeners again, which then replay every event into the empty tables.
 *
 * <p>The offsets are reset before the tables are emptied, so a failure at any step leaves figures
 * that heal themselves: offsets reset but tables kept means a replay the inbox turns into no-ops.
 * Kafka refuses the reset while other members (other replicas) are in the group: run the rebuild
 * with one replica. During the replay the figures are incomplete; {@code GET /statistics/freshness}
 * shows the remaining lag.
 */
@Component
public class Rebuild {

  private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

  /** Everything derived from the streams, and the inbox that would skip them on replay. */
  private static final String EMPTY_PROJECTIONS =
      "TRUNCATE order_fact_line, order_fact, order_bucket, order_bucket_total,"
          + " order_bucket_figures, snack_bucket, snack_bucket_total, snack, stream_progress, inbox";

  /** How long to wait for this instance's consumers to leave the group. */
  private static final Duration LEAVE_GROUP_PATIENCE = Duration.ofSeconds(15);

  /**
   * @param eventsToReplay records the listeners read again
   */
  public record Started(String detail, Instant startedAt, long eventsToReplay) {}

  private final KafkaListenerEndpointRegistry listeners;
  private final KafkaOffsets offsets;
  private final DatabaseClient db;
  private final FiguresCache figures;
  private final Clock clock;
  private final String group;
  private final AtomicBoolean running = new AtomicBoolean();

  Rebuild(
      KafkaListenerEndpointRegistry listeners,
      KafkaOffsets offsets,
      DatabaseClient db,
      FiguresCache figures,
      Clock clock,
      @Value("${spring.application.name}") String group) {
    this.group = group;
    this.listeners = listeners;
    this.offsets = offsets;
    this.db = db;
    this.figures = figures;
    this.clock = clock;
  }

  /**
   * Runs the rebuild up to the restart of the listeners (blocking; seconds). The replay then goes
   * on in the background.
   *
   * @throws ApiException 409 if a rebuild is running or other members hold the consumer group
   */
  public Started run() {
    if (!running.compareAndSet(false, true)) {
      throw ApiException.conflict("A rebuild is already running.");
    }
    Instant started = clock.instant();
    List<MessageListenerContainer> containers =
        Streams.LISTENERS.stream().map(listeners::getListenerContainer).toList();
    try {
      log.info("Rebuild: stopping the listeners");
      containers.forEach(MessageListenerContainer::stop);
      long events = resetOffsets();
      db.sql(EMPTY_PROJECTIONS).then().doFinally(done -> figures.invalidateAll()).block();
      log.info("Rebuild: projections emptied, replaying {} events", events);
      return new Started(
          "Rebuild started: the projections were emptied and "
              + events
              + " events are being replayed; GET /statistics/freshness shows the remaining lag.",
          started,
          events);
    } finally {
      containers.forEach(MessageListenerContainer::start);
      running.set(false);
    }
  }

  private long resetOffsets() {
    return Mono.fromCallable(() -> offsets.resetToEarliest(group, Streams.TOPICS))
        .retryWhen(
            Retry.fixedDelay(LEAVE_GROUP_PATIENCE.toMillis() / 250, Duration.ofMillis(250))
                .filter(Rebuild::groupNotEmpty))
        .onErrorMap(
            Rebuild::groupNotEmpty,
            error ->
                new ApiException(
                    HttpStatus.CONFLICT,
                    "The consumer group "
                        + group
                        + " still has active members (other replicas?); run the rebuild with"
                        + " one replica."))
        .block();
  }

  private static boolean groupNotEmpty(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof GroupNotEmptyException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
