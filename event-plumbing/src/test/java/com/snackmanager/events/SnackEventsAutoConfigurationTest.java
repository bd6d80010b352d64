package com.snackmanager.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.inbox.InboxProcessor;
import com.snackmanager.events.kafka.SnackTopics;
import com.snackmanager.events.outbox.OutboxRelay;
import com.snackmanager.events.outbox.OutboxWriter;
import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Which beans the auto-configuration contributes. The relay stays off here, so nothing connects;
 * the integration tests exercise the beans themselves.
 */
class SnackEventsAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  R2dbcAutoConfiguration.class,
                  R2dbcTransactionManagerAutoConfiguration.class,
                  KafkaAutoConfiguration.class,
                  SnackEventsAutoConfiguration.class))
          .withPropertyValues(
              "spring.r2dbc.url=" + SnackTestInfrastructure.get().r2dbcUrl(),
              "spring.r2dbc.username=" + ServiceDatabase.CATALOG.role(),
              "spring.r2dbc.password=" + ServiceDatabase.CATALOG.password(),
              "spring.kafka.bootstrap-servers=" + SnackTestInfrastructure.get().kafkaBootstrap(),
              "snack.outbox.relay.enabled=false");

  @Test
  void providesTheEventBeansAndNoRelayWhenItIsDisabled() {
    runner.run(
        context ->
            assertThat(context)
                .hasSingleBean(EventCodec.class)
                .hasSingleBean(OutboxWriter.class)
                .hasSingleBean(InboxProcessor.class)
                .hasSingleBean(SnackTopics.class)
                .doesNotHaveBean(OutboxRelay.class));
  }

  @Test
  void publishesTheOutboxBacklogAsAGaugeWhenTheRelayRuns() {
    runner
        .withPropertyValues("snack.outbox.relay.enabled=true")
        .withBean(SimpleMeterRegistry.class)
        .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context).hasSingleBean(OutboxRelay.class);
              assertThat(context.getBean(MeterRegistry.class).find("snack.outbox.backlog").gauge())
                  .isNotNull();
            });
  }

  @Test
  void replacesBootsListenerFactoryWithOneThatAcksPerRecordAndDeadLetters() {
    runner.run(
        context -> {
          ConcurrentKafkaListenerContainerFactory<?, ?> factory =
              context.getBean(
                  "kafkaListenerContainerFactory", ConcurrentKafkaListenerContainerFactory.class);
          assertThat(factory.getContainerProperties().getAckMode()).isEqualTo(AckMode.RECORD);
          assertThat(context.getBean(CommonErrorHandler.class))
              .isInstanceOf(DefaultErrorHandler.class);
        });
  }

  @Test
  void refusesAPauseBetweenRetriesThatWouldPutTheConsumerOutOfItsGroup() {
    runner
        .withPropertyValues(
            "spring.kafka.consumer.properties.max.poll.interval.ms=60000",
            "snack.kafka.retry-backoff-max=45s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("retry-backoff-max")
                    .hasMessageContaining("max.poll.interval.ms"));
  }
}
