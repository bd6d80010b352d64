package com.snackmanager.statistics.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.statistics.StatisticsServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The order consumer stopped after part of the stream and started again: what arrived meanwhile
 * (including redeliveries of what it had already applied) is applied once, and the figures equal
 * those of an uninterrupted stream.
 */
class RestartMidStreamIT extends StatisticsServiceTest {

  @Autowired KafkaListenerEndpointRegistry listeners;

  static final String JAN_10 = "2031-01-10T09:00:00+09:00";
  static final String JAN_11 = "2031-01-11T09:00:00+09:00";
  static final String JAN_12 = "2031-01-12T09:00:00+09:00";

  @Test
  void stoppingAndRestartingTheConsumerMidStreamGivesTheSameFigures() {
    EventEnvelope o1 =
        placed("or_t31_1", 1, "a@example.com", JAN_10, line("sn_t31_a", "A", 2, "500", "KRW"));
    EventEnvelope o1Approved = moved("or_t31_1", "CREATED", "APPROVED", JAN_10);
    EventEnvelope o2 =
        placed("or_t31_2", 2, "b@example.com", JAN_11, line("sn_t31_b", "B", 1, "2.5", "USD"));
    publish(Topics.ORDERS, o1, o2, o1Approved);
    awaitCaughtUp();
    String january = "/statistics/orders/2031/1";
    String partOne =
        figures(
            "2031-01",
            "2031-01-01",
            "2031-01-31",
            2,
            3,
            "{\"KRW\":1000,\"USD\":2.5}",
            "CREATED",
            1,
            "APPROVED",
            1);
    assertJson(getJson(january), partOne);

    MessageListenerContainer orders = listeners.getListenerContainer(Streams.ORDERS_LISTENER);
    orders.stop();
    try {
      assertThat(orders.isRunning()).isFalse();
      publish(
          Topics.ORDERS,
          o1, // redelivered
          moved("or_t31_2", "CREATED", "CANCELLED", JAN_11),
          placed("or_t31_3", 3, "c@example.com", JAN_12, line("sn_t31_c", "C", 3, "10.5", "JPY")),
          revised(
              "or_t31_3",
              JAN_12,
              "2031-01-12T09:30:00+09:00",
              line("sn_t31_c", "C", 1, "10.5", "JPY")),
          o1Approved, // redelivered
          moved("or_t31_1", "APPROVED", "ORDERED", JAN_10));
      // nothing is applied while the consumer is stopped, and the lag shows it
      assertThat(getJson("/statistics/freshness").path("lag_events").asLong()).isEqualTo(6);
      assertJson(getJson(january), partOne);
    } finally {
      orders.start();
    }
    await().atMost(PATIENCE).until(orders::isRunning);
    awaitCaughtUp();

    assertJson(
        getJson(january),
        figures(
            "2031-01",
            "2031-01-01",
            "2031-01-31",
            3,
            3,
            "{\"JPY\":10.5,\"KRW\":1000}",
            "CREATED",
            1,
            "ORDERED",
            1,
            "CANCELLED",
            1));
    assertJson(
        getJson("/statistics/orders?period=day&from=2031-01-10&to=2031-01-12"),
        "["
            + figures(
                "2031-01-10", "2031-01-10", "2031-01-10", 1, 2, "{\"KRW\":1000}", "ORDERED", 1)
            + ","
            + figures("2031-01-11", "2031-01-11", "2031-01-11", 1, 0, "{}", "CANCELLED", 1)
            + ","
            + figures(
                "2031-01-12", "2031-01-12", "2031-01-12", 1, 1, "{\"JPY\":10.5}", "CREATED", 1)
            + "]");
  }
}
