package com.snackmanager.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.events.EventsIntegrationTest;
import com.snackmanager.events.EventsTestApplication;
import com.snackmanager.events.TestCounters;
import com.snackmanager.events.TestTick;
import com.snackmanager.events.TopicReader;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import java.nio.charset.StandardCharsets;
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

/** The auto-configured listener container factory with a real consumer, PostgreSQL and Kafka. */
class KafkaConsumerIT extends EventsIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String TOPIC = EventsTestApplication.CONSUMER_TOPIC;

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired TestEventListener listener;
  @Autowired EventCodec codec;
  @Autowired DatabaseClient db;
  @Autowired SnackKafkaProperties properties;

  @Test
  void anEventDeliveredTwiceIsAppliedOnce() {
    String key = UUID.randomUUID().toString();
    EventEnvelope event = codec.wrap(new TestTick("twice-" + key, 0));
    EventEnvelope after = codec.wrap(new TestTick("after-" + key, 0));

    send(key, codec.encode(event));
    send(key, codec.encode(event));
    send(key, codec.encode(after));

    // one key, one partition: once the later event is handled, both deliveries were
    await().atMost(PATIENCE).until(() -> listener.outcomes(after.eventId()).equals(List.of(true)));
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

    await().atMost(PATIENCE).until(() -> listener.outcomes(after.eventId()).equals(List.of(true)));
    List<ConsumerRecord<String, String>> deadLetters = awaitDeadLetters(key, 2);
    assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(malformed, failing);
    assertThat(header(deadLetters.get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .contains("Not an event envelope");
    assertThat(header(deadLetters.get(1), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .contains("cannot handle");
    assertThat(deadLetters)
        .allSatisfy(
            record -> assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC));
    // retrying cannot repair a malformed message; a failing handler gets its retries
    assertThat(listener.deliveries(malformed)).isEqualTo(1);
    assertThat(listener.deliveries(failing)).isEqualTo(properties.retries() + 1);
  }

  private void send(String key, String value) {
    kafka.send(TOPIC, key, value).join();
  }

  private List<ConsumerRecord<String, String>> awaitDeadLetters(String key, int count) {
    try (TopicReader reader =
        new TopicReader(SnackTestInfrastructure.get().kafkaBootstrap(), Topics.deadLetter(TOPIC))) {
      return await()
          .atMost(PATIENCE)
          .until(
              () -> reader.poll().stream().filter(record -> key.equals(record.key())).toList(),
              records -> records.size() >= count);
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
