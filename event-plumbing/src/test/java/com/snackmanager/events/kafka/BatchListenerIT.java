package com.snackmanager.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.events.EventsIntegrationTest;
import com.snackmanager.events.EventsTestApplication;
import com.snackmanager.events.TestCounters;
import com.snackmanager.events.TestWork;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The batch listener container factory and {@link BatchListeners} with a real consumer, PostgreSQL
 * and Kafka: each test publishes its events while the listener is paused, so that they arrive as
 * one batch.
 */
class BatchListenerIT extends EventsIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String TOPIC = EventsTestApplication.BATCH_TOPIC;

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired TestBatchListener listener;
  @Autowired EventCodec codec;
  @Autowired DatabaseClient db;
  @Autowired SnackKafkaProperties properties;
  @Autowired MeterRegistry meters;

  @Test
  void aPoisonRecordIsDeadLetteredAloneAndTheOthersOfItsBatchAreProcessedOnce() {
    String key = UUID.randomUUID().toString();
    EventEnvelope ok1 = TestWork.event(key, "ok1-" + key);
    EventEnvelope ok2 = TestWork.event(key, "ok2-" + key);
    EventEnvelope poison = TestWork.event(key, "poison-" + key, Duration.ZERO, true);
    EventEnvelope ok3 = TestWork.event(key, "ok3-" + key);
    double counted = DeadLetters.counted(meters, TOPIC, "permanent");

    publishAsOneBatch(key, ok1, ok2, poison, ok3);

    awaitApplied(ok3);
    assertThat(listener.deliveredTogether(encoded(ok1, ok2, poison, ok3))).isTrue();
    List<ConsumerRecord<String, String>> deadLetters = DeadLetters.now(TOPIC, key);
    assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(codec.encode(poison));
    assertThat(DeadLetters.header(deadLetters.get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .contains("null value");
    assertThat(DeadLetters.header(deadLetters.get(0), SnackDeadLetterRecoverer.REASON_HEADER))
        .isEqualTo("permanent");
    for (EventEnvelope ok : List.of(ok1, ok2, ok3)) {
      assertThat(listener.applied(ok)).as(ok.payload().toString()).isEqualTo(1);
      assertThat(TestCounters.value(db, ok.payload().get("name").asString())).isEqualTo(1);
    }
    assertThat(listener.applied(poison)).isZero();
    await()
        .atMost(PATIENCE)
        .until(() -> DeadLetters.counted(meters, TOPIC, "permanent") == counted + 1);
  }

  @Test
  void aBatchFailingTransientlyForSecondsIsRetriedWholeUntilItIsProcessed() {
    String key = UUID.randomUUID().toString();
    EventEnvelope first = TestWork.event(key, "first-" + key);
    EventEnvelope timingOut =
        TestWork.event(key, "timing-out-" + key, Duration.ofSeconds(3), false);
    EventEnvelope last = TestWork.event(key, "last-" + key);

    publishAsOneBatch(key, first, timingOut, last);

    awaitApplied(last);
    for (EventEnvelope event : List.of(first, timingOut, last)) {
      assertThat(listener.applied(event)).as(event.payload().toString()).isEqualTo(1);
      assertThat(TestCounters.value(db, event.payload().get("name").asString())).isEqualTo(1);
    }
    // the whole batch, again and again, beyond the retries of a permanent failure
    assertThat(listener.deliveries(codec.encode(first))).isGreaterThan(properties.retries() + 1);
    assertThat(DeadLetters.now(TOPIC, key)).isEmpty();
  }

  @Test
  void aRecordFailingTransientlyAndThenForGoodAtTheHeadOfItsBatchIsDeadLetteredAtLast() {
    String key = UUID.randomUUID().toString();
    // first a transient failure of the whole batch, then one that will repeat, of the same record
    EventEnvelope poison = TestWork.event(key, "poison-" + key, Duration.ofSeconds(1), true);
    EventEnvelope ok = TestWork.event(key, "ok-" + key);

    publishAsOneBatch(key, poison, ok);

    awaitApplied(ok);
    assertThat(DeadLetters.now(TOPIC, key))
        .extracting(ConsumerRecord::value)
        .containsExactly(codec.encode(poison));
    assertThat(listener.applied(poison)).isZero();
    assertThat(TestCounters.value(db, "ok-" + key)).isEqualTo(1);
  }

  private void publishAsOneBatch(String key, EventEnvelope... events) {
    MessageListenerContainer container = listeners.getListenerContainer(TestBatchListener.ID);
    container.pause();
    await().atMost(PATIENCE).until(container::isContainerPaused);
    // a fetch sent before the pause may still wait at the broker (fetch.max.wait.ms, 500 ms) and
    // would take the first record alone into the next batch
    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    try {
      for (String value : encoded(events)) {
        kafka.send(TOPIC, key, value).join();
      }
    } finally {
      container.resume();
    }
  }

  private List<String> encoded(EventEnvelope... events) {
    return java.util.Arrays.stream(events).map(codec::encode).toList();
  }

  private void awaitApplied(EventEnvelope event) {
    await().atMost(PATIENCE).until(() -> listener.applied(event) > 0);
  }
}
