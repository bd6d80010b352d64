package com.snackmanager.events.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ErrorHandlingUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** How the suite's Kafka listeners handle failures and acknowledge records. */
public final class SnackKafkaListeners {

  private static final Logger log = LoggerFactory.getLogger(SnackKafkaListeners.class);

  /** Kafka's default {@code max.poll.interval.ms}. */
  private static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(5);

  private SnackKafkaListeners() {}

  /**
   * The suite's failure policy, by {@link FailureClassifier}'s verdict on the failure:
   *
   * <ul>
   *   <li>transient: retried without limit, the pauses doubling from {@code
   *       snack.kafka.retry-backoff} up to {@code retry-backoff-max}; the record and the rest of
   *       its poll are sought back, so its partition does not advance and nothing after it is
   *       processed out of order;
   *   <li>permanent: retried {@code snack.kafka.retries} times with the same pauses, then published
   *       to the dead-letter topic and acknowledged;
   *   <li>unreadable: published to the dead-letter topic at once.
   * </ul>
   *
   * The back-off is chosen when a record first fails, and again whenever its failure is of another
   * class than the previous one (so a record that fails transiently during an outage and then for
   * good still reaches the dead-letter topic). A batch listener's failure without a {@link
   * org.springframework.kafka.listener.BatchListenerFailedException} is retried whole, without
   * limit: a whole batch is never dead-lettered.
   *
   * <p>The consumer thread sleeps through each pause without polling: {@code retry-backoff-max}
   * must therefore be at most half of {@code max.poll.interval.ms} (the rest is left for
   * processing), or the consumer would be put out of its group during an outage.
   *
   * @param consumerConfig the consumers' Kafka settings, for {@code max.poll.interval.ms}
   * @throws IllegalStateException if {@code retry-backoff-max} is too long for {@code
   *     max.poll.interval.ms}
   */
  public static DefaultErrorHandler errorHandler(
      SnackDeadLetterRecoverer recoverer,
      SnackKafkaProperties properties,
      Map<String, Object> consumerConfig) {
    Duration maxPollInterval = maxPollInterval(consumerConfig);
    if (properties.retryBackoffMax().multipliedBy(2).compareTo(maxPollInterval) > 0) {
      throw new IllegalStateException(
          "snack.kafka.retry-backoff-max ("
              + properties.retryBackoffMax()
              + ") must be at most half of the consumers' max.poll.interval.ms ("
              + maxPollInterval
              + ")");
    }
    BackOff untilItWorks = backOff(properties, ExponentialBackOff.DEFAULT_MAX_ATTEMPTS);
    BackOff fewTimes = backOff(properties, properties.retries());
    BackOff never = new FixedBackOff(0, 0);
    // the default back-off must allow retries, or spring-kafka never asks the function below
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, untilItWorks);
    // FailureClassifier alone decides (this drops spring-kafka's own list of fatal exceptions)
    handler.setClassifications(Map.of(), true);
    handler.setBackOffFunction(
        (record, failure) ->
            switch (FailureClassifier.classify(failure)) {
              case TRANSIENT -> untilItWorks;
              case PERMANENT -> fewTimes;
              case UNREADABLE -> never;
            });
    // one line per failed delivery, with the verdict, instead of spring-kafka's stack trace per
    // retry (a dead letter is logged in full by the recoverer)
    handler.setLogLevel(KafkaException.Level.DEBUG);
    handler.setRetryListeners(SnackKafkaListeners::logFailure);
    return handler;
  }

  private static void logFailure(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
    Exception cause = ErrorHandlingUtils.unwrapIfNeeded(failure);
    log.warn(
        "Delivery {} of {}-{}@{} failed ({}): {}",
        attempt,
        record.topic(),
        record.partition(),
        record.offset(),
        FailureClassifier.classify(failure).label(),
        cause == null ? null : cause.toString());
  }

  private static BackOff backOff(SnackKafkaProperties properties, long maxAttempts) {
    ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2);
    backOff.setMaxInterval(properties.retryBackoffMax().toMillis());
    backOff.setMaxAttempts(maxAttempts);
    return backOff;
  }

  private static Duration maxPollInterval(Map<String, Object> consumerConfig) {
    Object millis = consumerConfig.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
    return millis == null
        ? DEFAULT_MAX_POLL_INTERVAL
        : Duration.ofMillis(Long.parseLong(millis.toString()));
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
