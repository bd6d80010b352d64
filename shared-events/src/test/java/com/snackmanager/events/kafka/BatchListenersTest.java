package com.snackmanager.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
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
  void aFailingBatchIsReportedAtItsFirstRecord() {
    assertThatThrownBy(
            () ->
                BatchListeners.process(
                    records("1", "2"),
                    record -> record.value(),
                    items -> {
                      throw new IllegalStateException("database down");
                    }))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isZero())
        .hasRootCauseMessage("database down");
  }

  @Test
  void theTraceIdIsTheSecondPartOfATraceparent() {
    assertThat(BatchListeners.traceId("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
        .isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }
}
