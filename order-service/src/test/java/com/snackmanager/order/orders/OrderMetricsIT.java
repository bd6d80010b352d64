package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.order.OrderServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The orders-by-status gauge counts what PostgreSQL holds. */
class OrderMetricsIT extends OrderServiceTest {

  @Autowired OrderMetrics metrics;
  @Autowired MeterRegistry meters;

  @Test
  void theGaugeShowsHowManyOrdersAreInEachStatus() {
    Caller admin = admin();
    String approved = place(member(), snack("Gauge Chips"), 1).get("uid").asString();
    place(member(), snack("Gauge Cookies"), 2);
    move(admin, approved, "APPROVED", null);

    metrics.refresh().block();

    for (OrderStatus status : OrderStatus.values()) {
      assertThat(gauge(status)).as(status.name()).isEqualTo(stored(status));
    }
    assertThat(gauge(OrderStatus.CREATED)).isPositive();
    assertThat(gauge(OrderStatus.APPROVED)).isPositive();
  }

  private double gauge(OrderStatus status) {
    return meters.get("snack.orders").tag("status", status.name()).gauge().value();
  }

  private double stored(OrderStatus status) {
    return db.sql("SELECT count(*) AS n FROM orders WHERE status = :status")
        .bind("status", status.name())
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }
}
