package com.snackmanager.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.events.EventsIntegrationTest;
import com.snackmanager.events.EventsTestApplication;
import com.snackmanager.events.TopicReader;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.outbox.OutboxRelay;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/** Replaying dead letters against the real Kafka. */
class DeadLetterReplayIT extends EventsIntegrationTest {

  private static final String TOPIC = EventsTestApplication.REPLAY_TOPIC;

  @Autowired ConsumerFactory<?, ?> consumerFactory;
  @Autowired ProducerFactory<?, ?> producerFactory;
  @Autowired DeadLetterEndpoint suiteEndpoint;

  @Test
  void sendsEachDeadLetterBackToItsTopicOnceWithoutTheDeadLetterHeaders() {
    DeadLetterReplay replay = replay();
    String run = UUID.randomUUID().toString();
    long waitingBefore = replay.waiting(TOPIC);
    for (int i = 0; i < 3; i++) {
      deadLetter(run + "-" + i, "{\"n\":" + i + "}");
    }

    assertThat(replay.waiting(TOPIC)).isEqualTo(waitingBefore + 3);
    assertThat(replay.replay(TOPIC)).isEqualTo(waitingBefore + 3);
    assertThat(replay.waiting(TOPIC)).isZero();
    assertThat(replay.replay(TOPIC)).as("nothing is replayed twice").isZero();

    List<ConsumerRecord<String, String>> back = onTopic(run);
    assertThat(back)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder(run + "-0", run + "-1", run + "-2");
    assertThat(back)
        .allSatisfy(
            record -> {
              assertThat(record.value()).startsWith("{\"n\":");
              assertThat(header(record, OutboxRelay.EVENT_TYPE_HEADER)).isEqualTo("test.tick");
              assertThat(header(record, "traceparent")).isEqualTo("00-trace");
              assertThat(record.headers())
                  .extracting(Header::key)
                  .noneMatch(DeadLetterReplay::isDeadLetterHeader);
            });

    // a later dead letter is the only one the next replay sends
    deadLetter(run + "-3", "{\"n\":3}");
    assertThat(replay.waiting(TOPIC)).isEqualTo(1);
    assertThat(replay.replay(TOPIC)).isEqualTo(1);
    assertThat(onTopic(run)).hasSize(4);
  }

  @Test
  void onlyTheSuitesTopicsCanBeReplayed() {
    assertThatThrownBy(() -> replay().replay("snack.nothing.v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("snack.nothing.v1");
    // the service's endpoint answers 400 for a topic that is not the suite's
    assertThatThrownBy(() -> suiteEndpoint.replay(TOPIC))
        .isInstanceOf(InvalidEndpointRequestException.class);
    assertThat(suiteEndpoint.waiting(Topics.USERS)).containsEntry("topic", Topics.USERS);
  }

  private DeadLetterReplay replay() {
    return new DeadLetterReplay(
        consumerFactory.getConfigurationProperties(),
        producerFactory.getConfigurationProperties(),
        Set.of(TOPIC));
  }

  /** A record as SnackDeadLetterRecoverer parks it: its own headers plus why it failed. */
  private static void deadLetter(String key, String value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(OutboxRelay.EVENT_TYPE_HEADER, bytes("test.tick"));
    headers.add("traceparent", bytes("00-trace"));
    headers.add("kafka_dlt-exception-message", bytes("boom"));
    headers.add("kafka_dlt-original-topic", bytes(TOPIC));
    headers.add(SnackDeadLetterRecoverer.REASON_HEADER, bytes("permanent"));
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            java.util.Map.of("bootstrap.servers", SnackTestInfrastructure.get().kafkaBootstrap()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.deadLetter(TOPIC), null, key, value, headers));
      producer.flush();
    }
  }

  private static List<ConsumerRecord<String, String>> onTopic(String run) {
    try (TopicReader reader =
        new TopicReader(SnackTestInfrastructure.get().kafkaBootstrap(), TOPIC)) {
      return reader.readToEnd().stream().filter(record -> record.key().startsWith(run)).toList();
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
