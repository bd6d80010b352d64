package com.snackmanager.defaults.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class ReadCacheTest {

  private final AtomicLong clock = new AtomicLong();
  private final AtomicInteger loads = new AtomicInteger();
  private final ReadCache<String, Integer> cache =
      new ReadCache<>(Duration.ofSeconds(1), 100, clock::get);

  private Mono<Integer> load() {
    return Mono.fromCallable(loads::incrementAndGet);
  }

  @Test
  void anAnswerIsReusedUntilItExpires() {
    assertThat(cache.get("page 1", this::load).block()).isEqualTo(1);
    clock.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(cache.get("page 1", this::load).block()).isEqualTo(1);
    assertThat(cache.get("page 2", this::load).block()).isEqualTo(2);
    clock.addAndGet(Duration.ofMillis(2).toNanos());
    assertThat(cache.get("page 1", this::load).block()).isEqualTo(3);
  }

  @Test
  void aWriteInvalidatesEveryAnswer() {
    cache.get("page 1", this::load).block();
    cache.invalidateAll();
    assertThat(cache.get("page 1", this::load).block()).isEqualTo(2);
  }

  @Test
  void concurrentReadersShareOneLoadAndAnInvalidationMeanwhileDropsIt() {
    Sinks.One<Integer> slow = Sinks.one();
    AtomicInteger started = new AtomicInteger();
    Mono<Integer> first =
        cache.get(
            "page 1",
            () -> {
              started.incrementAndGet();
              return slow.asMono();
            });
    Mono<Integer> second = cache.get("page 1", this::load);
    AtomicReference<Integer> firstAnswer = new AtomicReference<>();
    AtomicReference<Integer> secondAnswer = new AtomicReference<>();
    first.subscribe(firstAnswer::set);
    second.subscribe(secondAnswer::set);
    // a write commits while the query is still running: its answer must not be served afterwards
    cache.invalidateAll();
    slow.tryEmitValue(41);

    assertThat(started).hasValue(1);
    assertThat(firstAnswer).hasValue(41);
    assertThat(secondAnswer).hasValue(41);
    assertThat(cache.get("page 1", this::load).block()).isEqualTo(1);
  }

  @Test
  void failuresAreNotCached() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                cache
                    .get(
                        "page 1",
                        () -> {
                          attempts.incrementAndGet();
                          return Mono.error(new IllegalStateException("db down"));
                        })
                    .block())
        .hasMessage("db down");
    assertThat(cache.get("page 1", this::load).block()).isEqualTo(1);
  }

  @Test
  void aZeroTtlTurnsCachingOff() {
    ReadCache<String, Integer> off = new ReadCache<>(Duration.ZERO, 100, clock::get);
    off.get("page 1", this::load).block();
    assertThat(off.get("page 1", this::load).block()).isEqualTo(2);
  }
}
