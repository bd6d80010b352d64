package com.snackmanager.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.events.EventsIntegrationTest;
import com.snackmanager.events.EventsTestApplication;
import com.snackmanager.events.TestCounters;
import com.snackmanager.events.TestTick;
import com.snackmanager.events.TestWork;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auto-configured listener container factory and its failure policy with a real consumer,
 * PostgreSQL and Kafka.
 */
class KafkaConsumerIT extends EventsIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String TOPIC = EventsTestApplication.CONSUMER_TOPIC;

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired TestEventListener listener;
  @Autowired EventCodec codec;
  @Autowired DatabaseClient db;
  @Autowired SnackKafkaProperties properties;
  @Autowired MeterRegistry meters;

  @Test
  void anEventDeliveredTwiceIsAppliedOnce() {
    String key = UUID.randomUUID().toString();
    EventEnvelope event = codec.wrap(new TestTick("twice-" + key, 0));
    EventEnvelope after = codec.wrap(new TestTick("after-" + key, 0));

    send(key, codec.encode(event));
    send(key, codec.encode(event));
    send(key, codec.encode(after));

    // one key, one partition: once the later event is handled, both deliveries were
    awaitApplied(after);
    assertThat(listener.outcomes(event.eventId())).containsExactly(true, false);
    assertThat(TestCounters.value(db, "twice-" + key)).isEqualTo(1);
  }

  @Test
  void malformedAndFailingMessagesGoToTheDeadLetterTopicWithTheReasonAndTheConsumerMovesOn() {
    String key = UUID.randomUUID().toString();
    String malformed = "{\"this is\": \"not an envelope\", \"key\": \"" + key + "\"}";
    String failing =
        codec.encode(
            new EventEnvelope(
                UUID.randomUUID(),
                TestEventListener.ALWAYS_FAILS,
                1,
                Instant.now(),
                key,
                JsonMapper.shared().createObjectNode()));
    EventEnvelope after = codec.wrap(new TestTick("after-" + key, 0));

    send(key, malformed);
    send(key, failing);
    send(key, codec.encode(after));

    awaitApplied(after);
    List<ConsumerRecord<String, String>> deadLetters =
        DeadLetters.awaitAtLeast(TOPIC, key, 2, PATIENCE);
    assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(malformed, failing);
    assertThat(DeadLetters.header(deadLetters.get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .contains("Not an event envelope");
    assertThat(DeadLetters.header(deadLetters.get(0), SnackDeadLetterRecoverer.REASON_HEADER))
        .isEqualTo("unreadable");
    assertThat(DeadLetters.header(deadLetters.get(1), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .contains("cannot handle");
    // an unknown failure is taken for one that will repeat
    assertThat(DeadLetters.header(deadLetters.get(1), SnackDeadLetterRecoverer.REASON_HEADER))
        .isEqualTo("permanent");
    assertThat(deadLetters)
        .allSatisfy(
            record ->
                assertThat(DeadLetters.header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                    .isEqualTo(TOPIC));
    // retrying cannot repair a malformed message; a failing handler gets its retries
    assertThat(listener.deliveries(malformed)).isEqualTo(1);
    assertThat(listener.deliveries(failing)).isEqualTo(properties.retries() + 1);
  }

  @Test
  void aTransientFailureLongerThanTheRetriesOfAPermanentOneIsRetriedUntilTheRecordIsProcessed() {
    String key = UUID.randomUUID().toString();
    // the statement timeout for 5 s: about ten attempts with pauses of 50 ms doubling to 1 s
    EventEnvelope timingOut =
        TestWork.event(key, "timing-out-" + key, Duration.ofSeconds(5), false);
    EventEnvelope after = TestWork.event(key, "after-" + key);
    Instant start = Instant.now();

    send(key, codec.encode(timingOut));
    send(key, codec.encode(after));

    awaitApplied(after);
    assertThat(Duration.between(start, Instant.now())).isGreaterThan(Duration.ofSeconds(5));
    assertThat(listener.outcomes(timingOut.eventId())).containsExactly(true);
    assertThat(TestCounters.value(db, "timing-out-" + key)).isEqualTo(1);
    assertThat(TestCounters.value(db, "after-" + key)).isEqualTo(1);
    assertThat(listener.deliveries(codec.encode(timingOut)))
        .isGreaterThan(properties.retries() + 1);
    assertThat(DeadLetters.now(TOPIC, key)).isEmpty();
  }

  @Test
  void aPermanentFailureIsDeadLetteredAndCountedAfterItsRetriesAndTheNextRecordIsProcessed() {
    String key = UUID.randomUUID().toString();
    EventEnvelope violating = TestWork.event(key, "violating-" + key, Duration.ZERO, true);
    EventEnvelope after = TestWork.event(key, "after-" + key);
    double counted = DeadLetters.counted(meters, TOPIC, "permanent");

    send(key, codec.encode(violating));
    send(key, codec.encode(after));

    awaitApplied(after);
    List<ConsumerRecord<String, String>> deadLetters = DeadLetters.now(TOPIC, key);
    assertThat(deadLetters)
        .extracting(ConsumerRecord::value)
        .containsExactly(codec.encode(violating));
    assertThat(DeadLetters.header(deadLetters.get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .contains("null value");
    assertThat(DeadLetters.header(deadLetters.get(0), SnackDeadLetterRecoverer.REASON_HEADER))
        .isEqualTo("permanent");
    assertThat(listener.deliveries(codec.encode(violating))).isEqualTo(properties.retries() + 1);
    assertThat(TestCounters.value(db, "violating-" + key)).isZero();
    assertThat(TestCounters.value(db, "after-" + key)).isEqualTo(1);
    await()
        .atMost(PATIENCE)
        .until(() -> DeadLetters.counted(meters, TOPIC, "permanent") == counted + 1);
  }

  private void send(String key, String value) {
    kafka.send(TOPIC, key, value).join();
  }

  private void awaitApplied(EventEnvelope event) {
    await().atMost(PATIENCE).until(() -> listener.outcomes(event.eventId()).equals(List.of(true)));
  }
}
