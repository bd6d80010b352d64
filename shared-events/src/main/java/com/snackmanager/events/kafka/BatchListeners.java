package com.snackmanager.events.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Consuming a topic in batches (one transaction per poll instead of one per event), for streams
 * that arrive by the thousand a second such as {@code snack.reactions.v1}. Listeners name {@link
 * #FACTORY} as their container factory and hand their records to {@link #process}.
 *
 * <p>Failures keep the record-by-record guarantees: the records before an unreadable one are
 * processed and committed, the unreadable one goes to the dead-letter topic at once, the rest are
 * delivered again; a batch whose processing fails is retried from its first record, which is
 * dead-lettered when the retries run out (as a failing record of a record listener is).
 */
public final class BatchListeners {

  /** The bean name of the batch listener container factory. */
  public static final String FACTORY = "snackBatchListenerContainerFactory";

  private static final Logger log = LoggerFactory.getLogger(BatchListeners.class);

  private BatchListeners() {}

  /**
   * @param read turns a record into the item {@code work} takes; throws for an unreadable record
   * @param work processes the readable items of the batch, all or nothing
   */
  public static <T> void process(
      List<ConsumerRecord<String, String>> records,
      Function<ConsumerRecord<String, String>, T> read,
      Consumer<List<T>> work) {
    List<T> readable = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, String> record = records.get(i);
      traceReceipt(record, records.size());
      T item;
      try {
        item = read.apply(record);
      } catch (RuntimeException unreadable) {
        run(readable, work);
        throw new BatchListenerFailedException(
            "Unreadable record "
                + record.topic()
                + "-"
                + record.partition()
                + "@"
                + record.offset(),
            unreadable,
            i);
      }
      readable.add(item);
    }
    run(readable, work);
  }

  private static <T> void run(List<T> items, Consumer<List<T>> work) {
    if (items.isEmpty()) {
      return;
    }
    try {
      work.accept(items);
    } catch (RuntimeException failure) {
      throw new BatchListenerFailedException(
          "The batch failed: " + failure.getMessage(), failure, 0);
    }
  }

  /**
   * A batch has no span per record, so the record's trace (from its {@code traceparent} header, set
   * by the producer's outbox) is logged here: it ties the consumer to the request that caused the
   * event.
   */
  private static void traceReceipt(ConsumerRecord<String, String> record, int batchSize) {
    if (!log.isDebugEnabled()) {
      return;
    }
    Header traceparent = record.headers().lastHeader("traceparent");
    String trace =
        traceparent == null
            ? "-"
            : traceId(new String(traceparent.value(), StandardCharsets.UTF_8));
    log.debug(
        "Received {}-{}@{} (batch of {}) trace {}",
        record.topic(),
        record.partition(),
        record.offset(),
        batchSize,
        trace);
  }

  static String traceId(String traceparent) {
    String[] parts = traceparent.split("-");
    return parts.length >= 2 ? parts[1] : traceparent;
  }
}
