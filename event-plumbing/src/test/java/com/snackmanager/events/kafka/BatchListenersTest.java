package com.snackmanager.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.BatchListenerFailedException;

class BatchListenersTest {

  private final List<List<Integer>> batches = new ArrayList<>();

  private static List<ConsumerRecord<String, String>> records(String... values) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      records.add(new ConsumerRecord<>("t", 0, i, "k", values[i]));
    }
    return records;
  }

  private void process(List<ConsumerRecord<String, String>> records) {
    BatchListeners.process(records, record -> Integer.parseInt(record.value()), batches::add);
  }

  @Test
  void readableRecordsAreProcessedAsOneBatch() {
    process(records("1", "2", "3"));

    assertThat(batches).containsExactly(List.of(1, 2, 3));
  }

  @Test
  void anUnreadableRecordIsReportedByIndexAfterTheRecordsBeforeItAreProcessed() {
    assertThatThrownBy(() -> process(records("1", "2", "x", "4")))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2))
        .hasCauseInstanceOf(NumberFormatException.class);
    // the error handler commits 1 and 2, dead-letters x and delivers 4 again
    assertThat(batches).containsExactly(List.of(1, 2));
  }

  @Test
  void aBatchFailingTransientlyIsReportedAtItsFirstRecordToBeRetriedWhole() {
    List<List<String>> attempts = new ArrayList<>();

    assertThatThrownBy(
            () ->
                BatchListeners.process(
                    records("1", "2", "3"),
                    ConsumerRecord::value,
                    items -> {
                      attempts.add(items);
                      throw new DataAccessResourceFailureException(
                          "Failed to obtain R2DBC Connection", new ConnectException());
                    }))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isZero())
        .hasRootCauseInstanceOf(ConnectException.class);
    // no record is to blame: it is not searched for
    assertThat(attempts).containsExactly(List.of("1", "2", "3"));
  }

  @Test
  void aBatchFailingForGoodIsWorkedRecordByRecordAndTheFailingRecordIsReported() {
    List<List<String>> attempts = new ArrayList<>();

    assertThatThrownBy(
            () ->
                BatchListeners.process(
                    records("ok1", "ok2", "poison", "ok3"),
                    ConsumerRecord::value,
                    items -> {
                      attempts.add(items);
                      if (items.contains("poison")) {
                        throw new DataIntegrityViolationException("null value in column");
                      }
                    }))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2))
        .hasRootCauseMessage("null value in column");
    // the error handler commits ok1 and ok2, retries and dead-letters poison, delivers ok3 again
    assertThat(attempts)
        .containsExactly(
            List.of("ok1", "ok2", "poison", "ok3"),
            List.of("ok1"),
            List.of("ok2"),
            List.of("poison"));
  }

  @Test
  void aBatchWhoseRecordsAllSucceedAloneIsDone() {
    List<List<String>> attempts = new ArrayList<>();

    BatchListeners.process(
        records("1", "2"),
        ConsumerRecord::value,
        items -> {
          attempts.add(items);
          if (items.size() > 1) {
            throw new IllegalStateException("too much at once");
          }
        });

    assertThat(attempts).containsExactly(List.of("1", "2"), List.of("1"), List.of("2"));
  }

  @Test
  void aRecordFailingTransientlyWhileTheBatchIsSearchedIsReportedToBeRetried() {
    assertThatThrownBy(
            () ->
                BatchListeners.process(
                    records("1", "2", "3"),
                    ConsumerRecord::value,
                    items -> {
                      if (items.size() > 1) {
                        throw new IllegalStateException("too much at once");
                      }
                      if (items.contains("2")) {
                        throw new QueryTimeoutException("database gone");
                      }
                    }))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
        .hasCauseInstanceOf(QueryTimeoutException.class);
  }

  @Test
  void transientAndLastingFailuresOfARecordAreOfDifferentClasses() {
    // the error handler chooses a new back-off only when the class of the failure changes
    Throwable transientFailure =
        catchThrowable(
            () ->
                BatchListeners.process(
                    records("1"),
                    ConsumerRecord::value,
                    items -> {
                      throw new QueryTimeoutException("database gone");
                    }));
    Throwable lastingFailure =
        catchThrowable(
            () ->
                BatchListeners.process(
                    records("1"),
                    ConsumerRecord::value,
                    items -> {
                      throw new DataIntegrityViolationException("null value in column");
                    }));

    assertThat(transientFailure.getClass()).isNotEqualTo(lastingFailure.getClass());
    assertThat(transientFailure.getClass().isInstance(lastingFailure)).isFalse();
    assertThat(lastingFailure.getClass().isInstance(transientFailure)).isFalse();
  }

  @Test
  void theTraceIdIsTheSecondPartOfATraceparent() {
    assertThat(BatchListeners.traceId("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
        .isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }
}
