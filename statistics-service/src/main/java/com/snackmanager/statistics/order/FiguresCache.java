package com.snackmanager.statistics.order;

import com.snackmanager.statistics.csv.CsvExportable;
import com.snackmanager.statistics.csv.Encoded;
import com.snackmanager.statistics.period.DateRange;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order figures already answered, with their JSON and CSV bytes, so a dashboard's repeated question
 * (last month, the last two years by day) costs no database read and no serialising.
 *
 * <p>Exact on this replica: every transaction that changes order buckets drops, once it has ended,
 * the answers whose days it touched ({@link #invalidate}, called by {@link BucketWriter}), so a
 * late event for a closed month is seen at once, while answers for other periods stay. An answer
 * being loaded meanwhile is not kept. Another replica's changes are seen within the ttl ({@code
 * snack.statistics.figures-cache-ttl}, 1 s; 0 turns caching off). Concurrent requests for one
 * period share one load; failures are not kept. At most {@link #MAX_ROWS} rows of figures are kept
 * (some 15 MB): past that, answers are dropped to make room.
 */
@Component
public class FiguresCache {

  /** Rows of figures (periods) kept, all answers together. */
  static final int MAX_ROWS = 10_000;

  private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong rows = new AtomicLong();
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Function<Object, byte[]> json;

  @Autowired
  FiguresCache(@Value("${snack.statistics.figures-cache-ttl:1s}") Duration ttl, JsonMapper json) {
    this(ttl, json::writeValueAsBytes, System::nanoTime);
  }

  FiguresCache(Duration ttl, Function<Object, byte[]> json, LongSupplier nanoTime) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative");
    }
    this.ttlNanos = ttl.toNanos();
    this.json = json;
    this.nanoTime = nanoTime;
  }

  /**
   * The answer for {@code key}, or the one {@code load} gives (then kept).
   *
   * @param key what identifies the answer (a period, a series)
   * @param days every day whose buckets the answer counts
   * @param size how many rows of figures the answer has
   */
  public Mono<Encoded> get(
      Object key, DateRange days, long size, Supplier<Mono<? extends CsvExportable>> load) {
    Mono<Encoded> encoded = Mono.defer(load).map(body -> new Encoded(body, json));
    if (ttlNanos == 0) {
      return encoded;
    }
    return Mono.defer(
        () -> {
          long now = nanoTime.getAsLong();
          Entry cached = entries.get(key);
          if (cached != null && cached.servable(now)) {
            return cached.answer();
          }
          Entry loading =
              new Entry(
                  encoded.cache(
                      answer -> Duration.ofNanos(ttlNanos),
                      e -> Duration.ZERO,
                      () -> Duration.ZERO),
                  days,
                  size,
                  now + ttlNanos);
          Entry[] replaced = {null};
          Entry chosen =
              entries.compute(
                  key,
                  (k, old) -> {
                    if (old != null && old.servable(now)) {
                      return old;
                    }
                    replaced[0] = old;
                    return loading;
                  });
          if (chosen == loading) {
            added(loading, replaced[0]);
          }
          // a failed or empty answer is not kept: the next reader loads again
          return chosen
              .answer()
              .doOnError(e -> remove(key, chosen))
              .switchIfEmpty(Mono.fromRunnable(() -> remove(key, chosen)));
        });
  }

  /**
   * Drops every answer that counts one of {@code days}: call it once a change of their buckets has
   * committed (or rolled back).
   */
  public void invalidate(DateRange days) {
    entries.forEach(
        (key, entry) -> {
          if (entry.days().intersect(days) != null) {
            remove(key, entry);
          }
        });
  }

  /** Drops every answer (the projections were emptied). */
  public void invalidateAll() {
    entries.forEach(this::remove);
  }

  /** Counts {@code entry} in, {@code replaced} (expired) out, and makes room if needed. */
  private void added(Entry entry, Entry replaced) {
    long kept = rows.addAndGet(entry.size() - (replaced == null ? 0 : replaced.size()));
    if (kept > MAX_ROWS) {
      entries.forEach(
          (key, other) -> {
            if (other != entry && rows.get() > MAX_ROWS) {
              remove(key, other);
            }
          });
    }
  }

  private void remove(Object key, Entry entry) {
    if (entries.remove(key, entry)) {
      rows.addAndGet(-entry.size());
    }
  }

  private record Entry(Mono<Encoded> answer, DateRange days, long size, long expiresAt) {
    boolean servable(long now) {
      return now - expiresAt < 0;
    }
  }
}
