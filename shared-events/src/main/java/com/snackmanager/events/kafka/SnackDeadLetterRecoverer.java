package com.snackmanager.events.kafka;

import com.snackmanager.events.envelope.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes a record that could not be processed to {@code <topic>.dlt}, with the failure in the
 * {@code kafka_dlt-exception-*} headers. It has its own idempotent producer, so it works whatever
 * serialisers the application's {@code KafkaTemplate} uses. If the dead-letter send fails the
 * record is not acknowledged and is handled again.
 */
public class SnackDeadLetterRecoverer extends DeadLetterPublishingRecoverer
    implements DisposableBean {

  private final DefaultKafkaProducerFactory<String, String> producerFactory;

  private SnackDeadLetterRecoverer(DefaultKafkaProducerFactory<String, String> producerFactory) {
    // a negative partition lets the producer pick one from the key, so the .dlt topic may have
    // another partition count than its source
    super(
        new KafkaTemplate<>(producerFactory),
        (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    this.producerFactory = producerFactory;
  }

  /**
   * @param producerConfig Kafka producer settings (bootstrap servers, security)
   */
  public static SnackDeadLetterRecoverer create(Map<String, Object> producerConfig) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new SnackDeadLetterRecoverer(new DefaultKafkaProducerFactory<>(config));
  }

  @Override
  public void destroy() {
    producerFactory.destroy();
  }
}
