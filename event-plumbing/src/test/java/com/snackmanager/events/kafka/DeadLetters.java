package com.snackmanager.events.kafka;

import static org.awaitility.Awaitility.await;

import com.snackmanager.events.TopicReader;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the failure-policy tests read of a topic's dead letters. */
final class DeadLetters {

  private DeadLetters() {}

  /** The dead letters of {@code topic} with this key, once there are {@code count} of them. */
  static List<ConsumerRecord<String, String>> awaitAtLeast(
      String topic, String key, int count, Duration patience) {
    try (TopicReader reader = reader(topic)) {
      return await()
          .atMost(patience)
          .until(() -> keyed(reader.poll(), key), records -> records.size() >= count);
    }
  }

  /** The dead letters of {@code topic} with this key, up to the end of the dead-letter topic. */
  static List<ConsumerRecord<String, String>> now(String topic, String key) {
    try (TopicReader reader = reader(topic)) {
      return keyed(reader.readToEnd(), key);
    }
  }

  /** {@code snack.events.dead.lettered{topic, reason}}. */
  static double counted(MeterRegistry meters, String topic, String reason) {
    Counter counter =
        meters.find("snack.events.dead.lettered").tags("topic", topic, "reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static TopicReader reader(String topic) {
    return new TopicReader(
        SnackTestInfrastructure.get().kafkaBootstrap(), Topics.deadLetter(topic));
  }

  private static List<ConsumerRecord<String, String>> keyed(
      List<ConsumerRecord<String, String>> records, String key) {
    return records.stream().filter(record -> key.equals(record.key())).toList();
  }
}
