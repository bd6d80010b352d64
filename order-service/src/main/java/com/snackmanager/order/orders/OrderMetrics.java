package com.snackmanager.order.orders;

import com.snackmanager.events.orders.OrderStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The business gauge {@code snack.orders{status}}: how many orders are in each status, counted in
 * PostgreSQL every {@code snack.orders.metrics-interval} (15 s), so every replica reports the same
 * figures (dashboards take the max over replicas). {@code -1} until the first count.
 */
@Component
class OrderMetrics {

  private static final Logger log = LoggerFactory.getLogger(OrderMetrics.class);
  private static final String COUNT_BY_STATUS =
      "SELECT status, count(*) AS n FROM orders GROUP BY status";

  private final DatabaseClient db;
  private final Map<OrderStatus, AtomicLong> counts = new EnumMap<>(OrderStatus.class);

  OrderMetrics(DatabaseClient db, MeterRegistry registry) {
    this.db = db;
    for (OrderStatus status : OrderStatus.values()) {
      AtomicLong count = new AtomicLong(-1);
      counts.put(status, count);
      Gauge.builder("snack.orders", count, AtomicLong::get)
          .description("Orders in each status (counted every snack.orders.metrics-interval)")
          .tag("status", status.name())
          .register(registry);
    }
  }

  @Scheduled(
      fixedDelayString = "${snack.orders.metrics-interval:15s}",
      initialDelayString = "${snack.orders.metrics-initial-delay:1s}")
  Mono<Void> refresh() {
    return db.sql(COUNT_BY_STATUS)
        .map(row -> Map.entry(row.get("status", String.class), row.get("n", Long.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .doOnNext(
            byStatus ->
                counts.forEach(
                    (status, count) -> count.set(byStatus.getOrDefault(status.name(), 0L))))
        .onErrorResume(
            e -> {
              log.warn("Cannot count orders by status (will retry): {}", e.toString());
              return Mono.empty();
            })
        .then();
  }
}
