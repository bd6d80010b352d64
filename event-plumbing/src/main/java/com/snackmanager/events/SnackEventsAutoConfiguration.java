package com.snackmanager.events;

import com.snackmanager.events.consumer.EventConsumers;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.inbox.InboxProcessor;
import com.snackmanager.events.inbox.InboxProperties;
import com.snackmanager.events.inbox.InboxRetention;
import com.snackmanager.events.kafka.BatchListeners;
import com.snackmanager.events.kafka.DeadLetterEndpoint;
import com.snackmanager.events.kafka.DeadLetterReplay;
import com.snackmanager.events.kafka.SnackDeadLetterRecoverer;
import com.snackmanager.events.kafka.SnackKafkaListeners;
import com.snackmanager.events.kafka.SnackKafkaProperties;
import com.snackmanager.events.kafka.SnackTopics;
import com.snackmanager.events.outbox.OutboxProperties;
import com.snackmanager.events.outbox.OutboxRelay;
import com.snackmanager.events.outbox.OutboxWriter;
import com.snackmanager.events.outbox.TraceContext;
import com.snackmanager.events.outbox.TraceHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * Gives a service the event plumbing: {@link EventCodec}; with R2DBC the {@link OutboxWriter},
 * {@link InboxProcessor} and (unless {@code snack.outbox.relay.enabled=false}) the {@link
 * OutboxRelay}; with Kafka the {@link SnackTopics} helper and the default {@code
 * kafkaListenerContainerFactory} with the consumers' failure policy (retries, dead-lettering:
 * {@link SnackKafkaListeners#errorHandler}).
 *
 * <p>Runs before Boot's Kafka auto-configuration so that Boot's own listener container factory
 * backs off in favour of this one; Boot's consumer and producer factories are still used. The
 * nested configurations are imported rather than annotated {@code @Configuration}, so that an
 * application whose component scan covers this package does not register them too early.
 */
@AutoConfiguration(
    after = {R2dbcAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class},
    afterName = {
      "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure"
          + ".OpenTelemetryTracingAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"
    },
    before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({
  OutboxProperties.class,
  InboxProperties.class,
  SnackKafkaProperties.class
})
@Import({
  SnackEventsAutoConfiguration.TracingConfiguration.class,
  SnackEventsAutoConfiguration.DatabaseConfiguration.class,
  SnackEventsAutoConfiguration.KafkaConfiguration.class,
  SnackEventsAutoConfiguration.MetricsConfiguration.class,
  SnackEventsAutoConfiguration.DeadLetterReplayConfiguration.class
})
public class SnackEventsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  EventCodec eventCodec() {
    return new EventCodec();
  }

  @ConditionalOnClass(DatabaseClient.class)
  @ConditionalOnBean({DatabaseClient.class, ReactiveTransactionManager.class})
  static class DatabaseConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(
        DatabaseClient db, EventCodec codec, ObjectProvider<TraceContext> traceContext) {
      return new OutboxWriter(db, codec, traceContext.getIfAvailable(() -> TraceContext.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    InboxProcessor inboxProcessor(DatabaseClient db, ReactiveTransactionManager transactions) {
      return new InboxProcessor(db, transactions);
    }

    @Bean
    @ConditionalOnMissingBean
    EventConsumers eventConsumers(
        EventCodec codec, InboxProcessor inbox, ReactiveTransactionManager transactions) {
      return new EventConsumers(codec, inbox, transactions);
    }

    @Bean
    @ConditionalOnMissingBean
    InboxRetention inboxRetention(DatabaseClient db, InboxProperties properties) {
      return new InboxRetention(db, properties);
    }

    @Bean
    @ConditionalOnClass(KafkaTemplate.class)
    @ConditionalOnBooleanProperty(name = "snack.outbox.relay.enabled", matchIfMissing = true)
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(
        DatabaseClient db, ProducerFactory<?, ?> producerFactory, OutboxProperties properties) {
      return new OutboxRelay(db, producerFactory.getConfigurationProperties(), properties);
    }
  }

  /**
   * The outbox backlog as a gauge and the dead-letter counter, where Micrometer is present (every
   * service has actuator). The relay is looked up when the registry binds, not by a bean condition:
   * a condition here is evaluated before the relay's own definition is registered, and never
   * matched.
   */
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class MetricsConfiguration {

    @Bean
    io.micrometer.core.instrument.binder.MeterBinder outboxBacklogGauge(
        ObjectProvider<OutboxRelay> relays) {
      return registry ->
          relays.ifAvailable(
              relay ->
                  io.micrometer.core.instrument.Gauge.builder(
                          "snack.outbox.backlog", relay, OutboxRelay::lastBacklog)
                      .description(
                          "Outbox rows not yet published to Kafka (-1 until first counted)")
                      .register(registry));
    }

    /** {@code snack.events.dead.lettered{topic, reason}}: records sent to dead-letter topics. */
    @Bean
    SnackDeadLetterRecoverer.Counter deadLetterCounter(
        ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
      return (topic, reason) ->
          registry.ifAvailable(
              meters ->
                  io.micrometer.core.instrument.Counter.builder("snack.events.dead.lettered")
                      .description("Consumed records published to their dead-letter topic")
                      .tag("topic", topic)
                      .tag("reason", reason)
                      .register(meters)
                      .increment());
    }
  }

  /**
   * Where actuator is present (every service), the {@code deadletters} endpoint replays dead
   * letters; it is served on the management port once listed in {@code
   * management.endpoints.web.exposure.include} (service-defaults lists it).
   */
  @ConditionalOnClass(
      name = {
        "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
        "org.springframework.kafka.core.KafkaTemplate"
      })
  static class DeadLetterReplayConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetterReplay deadLetterReplay(
        ConsumerFactory<?, ?> consumerFactory, ProducerFactory<?, ?> producerFactory) {
      return new DeadLetterReplay(
          consumerFactory.getConfigurationProperties(),
          producerFactory.getConfigurationProperties(),
          DeadLetterReplay.SUITE_TOPICS);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterEndpoint deadLetterEndpoint(DeadLetterReplay replay) {
      return new DeadLetterEndpoint(replay);
    }
  }

  /** With Micrometer Tracing present, events carry the trace of the request that caused them. */
  @ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
  static class TracingConfiguration {

    @Bean
    @ConditionalOnBean(
        type = {"io.micrometer.tracing.Tracer", "io.micrometer.tracing.propagation.Propagator"})
    @ConditionalOnMissingBean
    TraceContext outboxTraceContext(
        io.micrometer.tracing.Tracer tracer,
        io.micrometer.tracing.propagation.Propagator propagator) {
      return new TraceHeaders(tracer, propagator);
    }
  }

  @ConditionalOnClass(KafkaTemplate.class)
  static class KafkaConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SnackTopics snackTopics(SnackKafkaProperties properties) {
      return new SnackTopics(properties);
    }

    /** The service's {@code snack.kafka.topics}, each with its dead-letter topic. */
    @Bean
    KafkaAdmin.NewTopics snackServiceTopics(SnackTopics topics, SnackKafkaProperties properties) {
      return topics.declareAll(properties.topics());
    }

    @Bean
    @ConditionalOnMissingBean
    SnackDeadLetterRecoverer snackDeadLetterRecoverer(
        ProducerFactory<?, ?> producerFactory,
        ObjectProvider<SnackDeadLetterRecoverer.Counter> counter) {
      return SnackDeadLetterRecoverer.create(
          producerFactory.getConfigurationProperties(),
          counter.getIfAvailable(() -> SnackDeadLetterRecoverer.Counter.NONE));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler snackKafkaErrorHandler(
        SnackDeadLetterRecoverer recoverer,
        SnackKafkaProperties properties,
        ConsumerFactory<?, ?> consumerFactory) {
      return SnackKafkaListeners.errorHandler(
          recoverer, properties, consumerFactory.getConfigurationProperties());
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaListenerContainerFactory")
    ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory(
        ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
        ConsumerFactory<?, ?> consumerFactory,
        CommonErrorHandler errorHandler) {
      ConcurrentKafkaListenerContainerFactory<String, String> factory =
          bootConfigured(configurer, consumerFactory);
      SnackKafkaListeners.configure(factory, errorHandler);
      return factory;
    }

    /** For listeners that take a poll's records at once ({@link BatchListeners}). */
    @Bean(BatchListeners.FACTORY)
    @ConditionalOnMissingBean(name = BatchListeners.FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> snackBatchListenerContainerFactory(
        ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
        ConsumerFactory<?, ?> consumerFactory,
        CommonErrorHandler errorHandler) {
      ConcurrentKafkaListenerContainerFactory<String, String> factory =
          bootConfigured(configurer, consumerFactory);
      SnackKafkaListeners.configureBatch(factory, errorHandler);
      return factory;
    }

    /** A factory with Boot's consumer factory and {@code spring.kafka.listener.*} applied. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // Boot's configurer is typed <Object, Object>
    private static ConcurrentKafkaListenerContainerFactory<String, String> bootConfigured(
        ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
        ConsumerFactory<?, ?> consumerFactory) {
      ConcurrentKafkaListenerContainerFactory<String, String> factory =
          new ConcurrentKafkaListenerContainerFactory<>();
      configurer.configure(
          (ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) consumerFactory);
      return factory;
    }
  }
}
