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
 * <p>Failures keep the record-by-record guarantees of the failure policy ({@link
 * SnackKafkaListeners#errorHandler}): the records before an unreadable one are processed and
 * committed, the unreadable one goes to the dead-letter topic at once, the rest are delivered
 * again. When the batch's work fails:
 *
 * <ul>
 *   <li>for a transient reason ({@link FailureClassifier}), the whole batch is retried, without
 *       limit, until it succeeds;
 *   <li>for any other reason, the batch is worked again record by record, each in its own call of
 *       the work: the records before the failing one are processed (once: the failed batch was
 *       rolled back), and the failing one is reported by its index, retried and dead-lettered
 *       alone, like a failing record of a record listener. The records after it are delivered
 *       again.
 * </ul>
 */
public final class BatchListeners {

  /** The bean name of the batch listener container factory. */
  public static final String FACTORY = "snackBatchListenerContainerFactory";

  private static final Logger log = LoggerFactory.getLogger(BatchListeners.class);

  private BatchListeners() {}

  /**
   * @param read turns a record into the item {@code work} takes; throws for an unreadable record
   * @param work processes the items it is given (a batch's readable items, or one of them), all or
   *     nothing
   * @throws BatchListenerFailedException naming the record that failed (the first one of the batch
   *     when the whole batch failed transiently)
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
        run(records, readable, work);
        throw failed("Unreadable record " + coordinates(record), unreadable, i);
      }
      readable.add(item);
    }
    run(records, readable, work);
  }

  /** Works {@code items} (those of the first records), or finds the record they fail on. */
  private static <T> void run(
      List<ConsumerRecord<String, String>> records, List<T> items, Consumer<List<T>> work) {
    if (items.isEmpty()) {
      return;
    }
    try {
      work.accept(items);
      return;
    } catch (RuntimeException failure) {
      if (items.size() == 1 || FailureClassifier.isTransient(failure)) {
        throw failed("The batch failed", failure, 0);
      }
      log.warn(
          "A batch of {} from {} failed ({}); working its records one at a time to find the"
              + " failing one",
          items.size(),
          coordinates(records.get(0)),
          failure.toString());
    }
    for (int i = 0; i < items.size(); i++) {
      try {
        work.accept(List.of(items.get(i)));
      } catch (RuntimeException failure) {
        throw failed("Record " + coordinates(records.get(i)) + " failed", failure, i);
      }
    }
  }

  /**
   * spring-kafka picks a record's back-off when it first fails and again only when the class of its
   * failure changes: the two classes make a record that first failed transiently (with its batch,
   * during an outage) and then fails for good get the back-off that ends.
   */
  private static BatchListenerFailedException failed(
      String what, RuntimeException cause, int index) {
    // the dead-letter headers carry this message: it names the cause too
    String message = what + ": " + cause.getMessage();
    return FailureClassifier.isTransient(cause)
        ? new TransientFailure(message, cause, index)
        : new LastingFailure(message, cause, index);
  }

  private static final class TransientFailure extends BatchListenerFailedException {
    TransientFailure(String message, Throwable cause, int index) {
      super(message, cause, index);
    }
  }

  private static final class LastingFailure extends BatchListenerFailedException {
    LastingFailure(String message, Throwable cause, int index) {
      super(message, cause, index);
    }
  }

  private static String coordinates(ConsumerRecord<String, String> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
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
