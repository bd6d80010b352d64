package com.snackmanager.statistics.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.statistics.csv.CsvExportable;
import com.snackmanager.statistics.csv.CsvTable;
import com.snackmanager.statistics.csv.Encoded;
import com.snackmanager.statistics.period.DateRange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class FiguresCacheTest {

  static final DateRange MARCH = range("2024-03-01", "2024-03-31");
  static final DateRange APRIL = range("2024-04-01", "2024-04-30");
  static final DateRange SPRING = range("2024-03-15", "2024-04-15");

  private final AtomicLong clock = new AtomicLong();
  private final AtomicInteger loads = new AtomicInteger();
  private final AtomicInteger jsonWrites = new AtomicInteger();
  private final FiguresCache cache =
      new FiguresCache(
          Duration.ofSeconds(1),
          value -> {
            jsonWrites.incrementAndGet();
            return value.toString().getBytes(StandardCharsets.UTF_8);
          },
          clock::get);

  /** A body that says which load made it. */
  private record Body(int load) implements CsvExportable {
    @Override
    public CsvTable toCsv() {
      return CsvTable.of(List.of("load"), List.of(() -> java.util.Map.of("load", load)));
    }

    @Override
    public String toString() {
      return "load " + load;
    }
  }

  private Mono<Body> load() {
    return Mono.fromCallable(() -> new Body(loads.incrementAndGet()));
  }

  private int answer(Object key, DateRange days) {
    return ((Body) cache.get(key, days, 1, this::load).block().body()).load();
  }

  @Test
  void anAnswerIsReusedUntilItExpiresAndWrittenOnce() {
    Encoded first = cache.get("march", MARCH, 1, this::load).block();
    assertThat(new String(first.json(), StandardCharsets.UTF_8)).isEqualTo("load 1");
    assertThat(new String(first.csv(), StandardCharsets.UTF_8)).isEqualTo("load\r\n1\r\n");
    clock.addAndGet(Duration.ofMillis(999).toNanos());
    Encoded again = cache.get("march", MARCH, 1, this::load).block();
    assertThat(again).isSameAs(first);
    again.json();
    assertThat(jsonWrites).hasValue(1);

    clock.addAndGet(Duration.ofMillis(2).toNanos());
    assertThat(answer("march", MARCH)).isEqualTo(2);
  }

  @Test
  void aChangeDropsTheAnswersCountingItsDaysOnly() {
    assertThat(answer("march", MARCH)).isEqualTo(1);
    assertThat(answer("april", APRIL)).isEqualTo(2);
    assertThat(answer("spring", SPRING)).isEqualTo(3);

    cache.invalidate(DateRange.of(LocalDate.parse("2024-04-20")));
    assertThat(answer("march", MARCH)).isEqualTo(1);
    assertThat(answer("spring", SPRING)).isEqualTo(3);
    assertThat(answer("april", APRIL)).isEqualTo(4);

    // a month bucket counts every day of its month
    cache.invalidate(MARCH);
    assertThat(answer("april", APRIL)).isEqualTo(4);
    assertThat(answer("march", MARCH)).isEqualTo(5);
    assertThat(answer("spring", SPRING)).isEqualTo(6);

    cache.invalidateAll();
    assertThat(answer("april", APRIL)).isEqualTo(7);
  }

  @Test
  void concurrentReadersShareOneLoadAndAChangeMeanwhileDropsIt() {
    Sinks.One<Body> slow = Sinks.one();
    AtomicInteger started = new AtomicInteger();
    Mono<Encoded> first =
        cache.get(
            "march",
            MARCH,
            1,
            () -> {
              started.incrementAndGet();
              return slow.asMono();
            });
    Mono<Encoded> second = cache.get("march", MARCH, 1, this::load);
    AtomicReference<Encoded> firstAnswer = new AtomicReference<>();
    AtomicReference<Encoded> secondAnswer = new AtomicReference<>();
    first.subscribe(firstAnswer::set);
    second.subscribe(secondAnswer::set);
    // a change of March commits while the query runs: its answer must not be served afterwards
    cache.invalidate(DateRange.of(LocalDate.parse("2024-03-31")));
    slow.tryEmitValue(new Body(41));

    assertThat(started).hasValue(1);
    assertThat(((Body) firstAnswer.get().body()).load()).isEqualTo(41);
    assertThat(secondAnswer.get()).isSameAs(firstAnswer.get());
    assertThat(answer("march", MARCH)).isEqualTo(1);
  }

  @Test
  void failuresAreNotKept() {
    assertThatThrownBy(
            () ->
                cache
                    .get("march", MARCH, 1, () -> Mono.error(new IllegalStateException("db down")))
                    .block())
        .hasMessage("db down");
    assertThat(answer("march", MARCH)).isEqualTo(1);
  }

  @Test
  void theCacheKeepsAtMostMaxRowsOfFigures() {
    int size = FiguresCache.MAX_ROWS / 4;
    for (int i = 0; i < 4; i++) {
      cache.get("series " + i, MARCH, size, this::load).block();
    }
    assertThat(loads).hasValue(4);
    // a fifth makes room for itself, and is kept
    cache.get("series 4", MARCH, size, this::load).block();
    cache.get("series 4", MARCH, size, this::load).block();
    assertThat(loads).hasValue(5);
    int reloaded = 0;
    for (int i = 0; i < 4; i++) {
      int before = loads.get();
      cache.get("series " + i, MARCH, 1, this::load).block();
      reloaded += loads.get() - before;
    }
    assertThat(reloaded).isPositive();
  }

  @Test
  void aZeroTtlTurnsCachingOff() {
    FiguresCache off = new FiguresCache(Duration.ZERO, value -> new byte[0], clock::get);
    off.get("march", MARCH, 1, this::load).block();
    off.get("march", MARCH, 1, this::load).block();
    assertThat(loads).hasValue(2);
  }

  static DateRange range(String from, String to) {
    return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
  }
}
