package com.snackmanager.events.kafka;

import com.snackmanager.events.envelope.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the records parked in a topic's dead-letter topic back to the topic, once the cause is
 * fixed (a bug deployed, a contract repaired): each record with its key, value and headers, minus
 * the dead-letter headers. Every consumer group then sees it again, which is safe because consumers
 * are idempotent (the groups that had processed it skip it by its event id).
 *
 * <p>Which records have been replayed is kept as the committed offsets of one suite-wide consumer
 * group, {@value #GROUP}: a replay sends what was dead-lettered since the last one, whichever
 * service runs it, and a record is committed only once Kafka has acknowledged its copy (a replay
 * that fails half-way sends some records again next time, never skips one). Exposed on each
 * service's management port as the {@code deadletters} actuator endpoint.
 */
public class DeadLetterReplay {

  /** The consumer group whose committed offsets mark what has been replayed. */
  public static final String GROUP = "snack-dead-letter-replay";

  /** The suite's topics: those whose dead letters a service can replay. */
  public static final Set<String> SUITE_TOPICS =
      Set.of(Topics.USERS, Topics.CATALOG, Topics.REACTIONS, Topics.ORDERS);

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

  private final Map<String, Object> consumerConfig;
  private final Map<String, Object> producerConfig;
  private final Set<String> topics;

  /**
   * @param consumerConfig the service's Kafka consumer settings (bootstrap servers, security); the
   *     group, offsets and deserialisers are set here
   * @param producerConfig the service's Kafka producer settings; idempotence and acks are set here
   * @param topics the topics whose dead letters may be replayed ({@link #SUITE_TOPICS})
   */
  public DeadLetterReplay(
      Map<String, Object> consumerConfig, Map<String, Object> producerConfig, Set<String> topics) {
    this.topics = Set.copyOf(topics);
    this.consumerConfig = new HashMap<>(consumerConfig);
    this.consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    this.consumerConfig.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    this.producerConfig = new HashMap<>(producerConfig);
    this.producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    this.producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
  }

  /**
   * How many records of {@code topic}'s dead-letter topic have not been replayed.
   *
   * @throws IllegalArgumentException for a topic that is not one of the replayable topics
   */
  public long waiting(String topic) {
    String deadLetters = deadLetterTopic(topic);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
      List<TopicPartition> partitions = partitions(consumer, deadLetters);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
      Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(Set.copyOf(partitions));
      long waiting = 0;
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata done = replayed.get(partition);
        long from = done == null ? starts.get(partition) : done.offset();
        waiting += Math.max(0, ends.get(partition) - from);
      }
      return waiting;
    }
  }

  /**
   * Sends every record dead-lettered from {@code topic} and not yet replayed back to {@code topic},
   * up to the dead-letter topic's end when the call started.
   *
   * @return how many records were replayed
   * @throws IllegalArgumentException for a topic that is not one of the replayable topics
   * @throws IllegalStateException if Kafka does not acknowledge a copy in time (what was
   *     acknowledged before stays replayed)
   */
  public synchronized long replay(String topic) {
    String deadLetters = deadLetterTopic(topic);
    long replayed = 0;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig);
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
      List<TopicPartition> partitions = partitions(consumer, deadLetters);
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (!reached(consumer, ends)) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        consumer.poll(POLL).forEach(batch::add);
        replayed += send(producer, topic, batch);
        consumer.commitSync(nextOffsets(batch));
      }
    }
    log.info("Replayed {} dead-lettered records of {} to {}", replayed, deadLetters, topic);
    return replayed;
  }

  private static long send(
      KafkaProducer<String, String> producer,
      String topic,
      List<ConsumerRecord<String, String>> batch) {
    List<Future<?>> acks = new ArrayList<>(batch.size());
    for (ConsumerRecord<String, String> record : batch) {
      acks.add(
          producer.send(
              new ProducerRecord<>(
                  topic, null, record.key(), record.value(), withoutDeadLetterHeaders(record))));
    }
    for (Future<?> ack : acks) {
      try {
        ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while replaying to " + topic, e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("Kafka did not take a replayed record of " + topic, e);
      }
    }
    return batch.size();
  }

  /** The record's own headers (event type, trace context), without why it was dead-lettered. */
  private static RecordHeaders withoutDeadLetterHeaders(ConsumerRecord<String, String> record) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!isDeadLetterHeader(header.key())) {
        headers.add(header.key(), header.value());
      }
    }
    return headers;
  }

  static boolean isDeadLetterHeader(String name) {
    return name.startsWith("kafka_dlt-") || name.equals(SnackDeadLetterRecoverer.REASON_HEADER);
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      List<ConsumerRecord<String, String>> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<String, String> record : batch) {
      offsets.put(
          new TopicPartition(record.topic(), record.partition()),
          new OffsetAndMetadata(record.offset() + 1));
    }
    return offsets;
  }

  private static boolean reached(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static List<TopicPartition> partitions(
      KafkaConsumer<String, String> consumer, String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
  }

  private String deadLetterTopic(String topic) {
    if (!topics.contains(topic)) {
      throw new IllegalArgumentException(
          "\"" + topic + "\" is not a topic whose dead letters can be replayed " + topics);
    }
    return Topics.deadLetter(topic);
  }
}
