package com.snackmanager.reaction.reactions.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class GroupCommitTest {

  @Test
  void anItemArrivingWhileTheWriterIsFreeIsWrittenAtOnceAlone() {
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    GroupCommit<Integer, String> commit =
        new GroupCommit<>(
            items -> {
              batches.add(items);
              return Mono.just(items.stream().map(i -> "done " + i).toList());
            },
            10,
            1);
    StepVerifier.create(commit.submit(1)).expectNext("done 1").verifyComplete();
    StepVerifier.create(commit.submit(2)).expectNext("done 2").verifyComplete();
    assertThat(batches).containsExactly(List.of(1), List.of(2));
  }

  @Test
  void itemsArrivingWhileABatchIsWrittenShareTheNextOne() {
    List<Sinks.One<List<String>>> pending = Collections.synchronizedList(new ArrayList<>());
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    GroupCommit<Integer, String> commit =
        new GroupCommit<>(
            items -> {
              batches.add(items);
              Sinks.One<List<String>> result = Sinks.one();
              pending.add(result);
              return result.asMono();
            },
            3,
            1);
    List<String> results = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 6; i++) {
      commit.submit(i).subscribe(results::add);
    }
    // the first item went alone; the others wait for the writer
    assertThat(batches).containsExactly(List.of(0));
    complete(pending.get(0), List.of(0));
    assertThat(results).containsExactly("0");
    assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3));
    complete(pending.get(1), List.of(1, 2, 3));
    assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3), List.of(4, 5));
    complete(pending.get(2), List.of(4, 5));
    assertThat(results).containsExactly("0", "1", "2", "3", "4", "5");
  }

  @Test
  void aFailedBatchFailsEachOfItsItemsAndTheNextBatchStillRuns() {
    AtomicInteger calls = new AtomicInteger();
    GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(
            items ->
                calls.incrementAndGet() == 1
                    ? Mono.error(new IllegalStateException("database down"))
                    : Mono.just(items),
            10,
            1);
    StepVerifier.create(commit.submit(1))
        .expectErrorMessage("database down")
        .verify(Duration.ofSeconds(5));
    StepVerifier.create(commit.submit(2)).expectNext(2).verifyComplete();
  }

  @Test
  void aWriterThatAnswersWithTheWrongNumberOfResultsFailsTheBatch() {
    GroupCommit<Integer, Integer> commit = new GroupCommit<>(items -> Mono.just(List.of()), 10, 1);
    StepVerifier.create(commit.submit(1))
        .expectError(IllegalStateException.class)
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void concurrentSubmittersAllGetTheirOwnResult() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(
            items ->
                Mono.fromCallable(
                        () -> {
                          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                          return items.stream().map(i -> i * 2).toList();
                        })
                    .delayElement(Duration.ofMillis(1))
                    // before the result reaches the group commit, which then starts the next batch
                    .doOnNext(done -> inFlight.decrementAndGet()),
            16,
            2);
    List<Integer> results =
        Flux.range(0, 2000)
            .parallel(8)
            .runOn(reactor.core.scheduler.Schedulers.parallel())
            .flatMap(i -> commit.submit(i).map(r -> r - 2 * i))
            .sequential()
            .collectList()
            .block(Duration.ofMinutes(1));
    assertThat(results).hasSize(2000).containsOnly(0);
    assertThat(maxInFlight.get()).isLessThanOrEqualTo(2);
  }

  private static void complete(Sinks.One<List<String>> sink, List<Integer> items) {
    sink.tryEmitValue(items.stream().map(String::valueOf).toList());
  }
}
