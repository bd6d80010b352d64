package com.snackmanager.defaults.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Answers of a read that many clients repeat (a list's first page, its total count) kept for a
 * short time: concurrent requests for one key share one query, and later ones reuse its answer
 * until {@code ttl} passes or this process writes something that changes it ({@link
 * #invalidateAll()}, called after the write commits). Another replica's writes are seen within
 * {@code ttl}. An answer being loaded when an invalidation happens is not kept. Failures are not
 * cached. A {@code ttl} of zero turns caching off.
 *
 * @param <K> what identifies a read (its filter, ordering and page)
 * @param <V> its answer
 */
public final class ReadCache<K, V> {

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoTime;

  public ReadCache(Duration ttl, int maxEntries) {
    this(ttl, maxEntries, System::nanoTime);
  }

  ReadCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
    if (ttl.isNegative() || maxEntries < 1) {
      throw new IllegalArgumentException("ttl must not be negative, maxEntries at least 1");
    }
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.nanoTime = nanoTime;
  }

  /** The cached answer for {@code key}, or the one {@code load} gives (then cached). */
  public Mono<V> get(K key, Supplier<Mono<V>> load) {
    if (ttlNanos == 0) {
      return Mono.defer(load);
    }
    return Mono.defer(
        () -> {
          long now = nanoTime.getAsLong();
          long current = generation.get();
          Entry<V> cached = entries.get(key);
          if (cached != null && cached.servable(current, now)) {
            return cached.answer();
          }
          if (entries.size() >= maxEntries) {
            entries.clear(); // crude but bounded: many distinct keys are rare and cheap to reload
          }
          Entry<V> loading =
              new Entry<>(
                  Mono.defer(load)
                      .cache(
                          answer -> Duration.ofNanos(ttlNanos),
                          e -> Duration.ZERO,
                          () -> Duration.ZERO),
                  current,
                  now + ttlNanos);
          Entry<V> chosen =
              entries.compute(
                  key, (k, old) -> old != null && old.servable(current, now) ? old : loading);
          // a failed or empty answer is not kept: the next reader loads again
          return chosen
              .answer()
              .doOnError(e -> entries.remove(key, chosen))
              .switchIfEmpty(Mono.fromRunnable(() -> entries.remove(key, chosen)));
        });
  }

  /** Forgets every answer: call it after a write (committed) that may change them. */
  public void invalidateAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  private record Entry<V>(Mono<V> answer, long generation, long expiresAt) {
    boolean servable(long currentGeneration, long now) {
      return generation == currentGeneration && now - expiresAt < 0;
    }
  }
}
