package com.snackmanager.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A plain Kafka client against the running suite's broker, for the drills that write to a topic
 * behind the services' backs (a poison message) or read what no API shows (a dead-letter topic, a
 * consumer group's committed offsets). Each call opens and closes its own client; it never joins a
 * consumer group.
 */
final class KafkaProbe {

  /** A record as read back: key, value and headers as UTF-8 text. */
  record Message(
      int partition, long offset, String key, String value, Map<String, String> headers) {}

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrap;

  KafkaProbe(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Sends {@code value} under {@code key} to one partition of {@code topic} and waits for the ack.
   */
  void send(String topic, int partition, String key, String value) {
    Map<String, Object> config = config();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer
          .send(new ProducerRecord<>(topic, partition, key, value))
          .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not send to " + topic + "-" + partition, e);
    }
  }

  /** The number of partitions of {@code topic}. */
  int partitions(String topic) {
    try (KafkaConsumer<String, String> consumer = consumer(config())) {
      return partitionsOf(consumer, topic).size();
    }
  }

  /** Every record of {@code topic}, oldest first per partition. */
  List<Message> readAll(String topic) {
    try (KafkaConsumer<String, String> consumer = consumer(config())) {
      List<TopicPartition> partitions = partitionsOf(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, REQUEST_TIMEOUT);
      List<Message> read = new ArrayList<>();
      Instant deadline = Instant.now().plus(REQUEST_TIMEOUT);
      while (!atEnd(consumer, ends)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("Could not read " + topic + " to its end");
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          read.add(message(record));
        }
      }
      return read;
    }
  }

  /**
   * How many records of {@code topic} the consumer group {@code group} has not committed yet (over
   * all partitions): 0 once it has processed (or dead-lettered) everything published so far. Reads
   * the committed offsets only; it never joins the group.
   */
  long lag(String group, String topic) {
    Map<String, Object> config = config();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, String> consumer = consumer(config)) {
      List<TopicPartition> partitions = partitionsOf(consumer, topic);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, REQUEST_TIMEOUT);
      Map<TopicPartition, OffsetAndMetadata> committed =
          consumer.committed(new HashSet<>(partitions), REQUEST_TIMEOUT);
      long lag = 0;
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        OffsetAndMetadata offset = committed.get(end.getKey());
        lag += end.getValue() - (offset == null ? 0 : offset.offset());
      }
      return lag;
    }
  }

  private Map<String, Object> config() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
    return config;
  }

  private static KafkaConsumer<String, String> consumer(Map<String, Object> config) {
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  private static List<TopicPartition> partitionsOf(
      KafkaConsumer<String, String> consumer, String topic) {
    return consumer.partitionsFor(topic, REQUEST_TIMEOUT).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
  }

  private static boolean atEnd(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey(), REQUEST_TIMEOUT) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static Message message(ConsumerRecord<String, String> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(
          header.key(),
          header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    return new Message(record.partition(), record.offset(), record.key(), record.value(), headers);
  }
}
