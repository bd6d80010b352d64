package com.snackmanager.reaction.reactions.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Lets concurrent requests share one write: items submitted while a batch is being written wait and
 * go together in the next one (at most {@code maxBatchSize}, at most {@code maxConcurrent} batches
 * at a time). No timer: an item that arrives when a writer is free is written at once, so batching
 * costs no latency when idle and grows with the load.
 *
 * @param <T> an item to write
 * @param <R> the result for one item
 */
final class GroupCommit<T, R> {

  private final Function<List<T>, Mono<List<R>>> writer;
  private final int maxBatchSize;
  private final int maxConcurrent;
  private final Queue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger drainRequests = new AtomicInteger();

  /**
   * @param writer writes a batch and returns one result per item, in the items' order; an error
   *     fails every item of the batch
   */
  GroupCommit(Function<List<T>, Mono<List<R>>> writer, int maxBatchSize, int maxConcurrent) {
    if (maxBatchSize < 1 || maxConcurrent < 1) {
      throw new IllegalArgumentException("Batch size and concurrency must be at least 1");
    }
    this.writer = writer;
    this.maxBatchSize = maxBatchSize;
    this.maxConcurrent = maxConcurrent;
  }

  /** Completes with the item's result once the batch holding it has been written. */
  Mono<R> submit(T item) {
    return Mono.create(
        sink -> {
          queue.add(new Pending<>(item, sink));
          drain();
        });
  }

  /**
   * Starts batches while writers are free and items wait. Only one thread runs the loop at a time;
   * a call that finds it running makes it go round once more instead (no lost wake-ups, no
   * recursion when a batch completes synchronously).
   */
  private void drain() {
    if (drainRequests.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      while (running.get() < maxConcurrent && !queue.isEmpty()) {
        List<Pending<T, R>> batch = new ArrayList<>();
        Pending<T, R> next;
        while (batch.size() < maxBatchSize && (next = queue.poll()) != null) {
          batch.add(next);
        }
        running.incrementAndGet();
        write(batch);
      }
      missed = drainRequests.addAndGet(-missed);
    } while (missed != 0);
  }

  private void write(List<Pending<T, R>> batch) {
    List<T> items = new ArrayList<>(batch.size());
    batch.forEach(pending -> items.add(pending.item()));
    Mono<List<R>> written;
    try {
      written = writer.apply(items);
    } catch (RuntimeException e) {
      written = Mono.error(e);
    }
    written
        .switchIfEmpty(
            Mono.error(() -> new IllegalStateException("The batch writer gave no result")))
        .subscribe(results -> done(batch, results, null), error -> done(batch, null, error));
  }

  private void done(List<Pending<T, R>> batch, List<R> results, Throwable error) {
    // start the next batch before answering this one's requests
    running.decrementAndGet();
    drain();
    if (error == null && results.size() != batch.size()) {
      error =
          new IllegalStateException(
              "The batch writer gave "
                  + results.size()
                  + " results for "
                  + batch.size()
                  + " items");
    }
    for (int i = 0; i < batch.size(); i++) {
      MonoSink<R> sink = batch.get(i).sink();
      if (error == null) {
        sink.success(results.get(i));
      } else {
        sink.error(error);
      }
    }
  }

  private record Pending<T, R>(T item, MonoSink<R> sink) {}
}
