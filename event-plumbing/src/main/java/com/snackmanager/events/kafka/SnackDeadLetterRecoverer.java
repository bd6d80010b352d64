package com.snackmanager.events.kafka;

import com.snackmanager.events.envelope.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes a record that could not be processed to {@code <topic>.dlt}, with the failure in the
 * {@code kafka_dlt-exception-*} headers and its {@link FailureClassifier} verdict in {@value
 * #REASON_HEADER}, and counts and logs it. It has its own idempotent producer, so it works whatever
 * serialisers the application's {@code KafkaTemplate} uses. If the dead-letter send fails the
 * record is not acknowledged and is handled again.
 */
public class SnackDeadLetterRecoverer extends DeadLetterPublishingRecoverer
    implements DisposableBean {

  /**
   * The header holding why the record was dead-lettered: {@code permanent} or {@code unreadable}.
   */
  public static final String REASON_HEADER = "snack_dlt-reason";

  /** Told of every record published to a dead-letter topic (the metric). */
  @FunctionalInterface
  public interface Counter {

    Counter NONE = (topic, reason) -> {};

    /**
     * @param topic the topic the record came from
     * @param reason its {@link FailureClassifier.Failure#label()}
     */
    void deadLettered(String topic, String reason);
  }

  private static final Logger log = LoggerFactory.getLogger(SnackDeadLetterRecoverer.class);

  private final DefaultKafkaProducerFactory<String, String> producerFactory;
  private final Counter counter;

  private SnackDeadLetterRecoverer(
      DefaultKafkaProducerFactory<String, String> producerFactory, Counter counter) {
    // a negative partition lets the producer pick one from the key, so the .dlt topic may have
    // another partition count than its source
    super(
        new KafkaTemplate<>(producerFactory),
        (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    this.producerFactory = producerFactory;
    this.counter = counter;
    addHeadersFunction(
        (record, exception) ->
            new RecordHeaders()
                .add(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * @param producerConfig Kafka producer settings (bootstrap servers, security)
   * @param counter counts the dead-lettered records
   */
  public static SnackDeadLetterRecoverer create(
      Map<String, Object> producerConfig, Counter counter) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new SnackDeadLetterRecoverer(new DefaultKafkaProducerFactory<>(config), counter);
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
    super.accept(record, consumer, exception); // throws unless the dead letter was sent
    String reason = reason(exception);
    log.error(
        "Dead-lettered {}-{}@{} to {} ({})",
        record.topic(),
        record.partition(),
        record.offset(),
        Topics.deadLetter(record.topic()),
        reason,
        exception);
    counter.deadLettered(record.topic(), reason);
  }

  private static String reason(Exception exception) {
    return FailureClassifier.classify(exception).label();
  }

  @Override
  public void destroy() {
    producerFactory.destroy();
  }
}
