package com.snackmanager.events.kafka;

import com.snackmanager.events.envelope.MalformedEventException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/** How the suite's Kafka listeners handle failures and acknowledge records. */
public final class SnackKafkaListeners {

  private SnackKafkaListeners() {}

  /**
   * Retries a failing record {@code snack.kafka.retries} times with doubling pauses, then publishes
   * it to its dead-letter topic. A record that is not an event envelope ({@link
   * MalformedEventException}) or cannot be deserialised goes there at once: retrying cannot help.
   */
  public static DefaultErrorHandler errorHandler(
      SnackDeadLetterRecoverer recoverer, SnackKafkaProperties properties) {
    ExponentialBackOffWithMaxRetries backOff =
        new ExponentialBackOffWithMaxRetries(properties.retries());
    backOff.setInitialInterval(properties.retryBackoff().toMillis());
    backOff.setMultiplier(2);
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(MalformedEventException.class);
    return handler;
  }

  /**
   * Applies the suite's listener defaults to {@code factory}: {@code errorHandler}, an offset
   * committed after each successfully handled (or dead-lettered) record (this overrides {@code
   * spring.kafka.listener.ack-mode}). A new consumer group reading from the beginning is set for
   * every service by {@code spring.kafka.consumer.auto-offset-reset=earliest} in service-defaults.
   */
  public static void configure(
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      CommonErrorHandler errorHandler) {
    factory.setCommonErrorHandler(errorHandler);
    factory.getContainerProperties().setAckMode(AckMode.RECORD);
  }

  /**
   * Like {@link #configure}, for a listener that takes a poll's records at once: the offsets are
   * committed after the batch (or, when it fails part-way, up to the failed record).
   */
  public static void configureBatch(
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      CommonErrorHandler errorHandler) {
    factory.setCommonErrorHandler(errorHandler);
    factory.setBatchListener(true);
    factory.getContainerProperties().setAckMode(AckMode.BATCH);
  }
}
