package com.snackmanager.statistics.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.statistics.StatisticsServiceTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real races on the database: the consumer's own code run by eight threads at once (as several
 * replicas during a rebalance would), polls of one to four records, with the events of one order,
 * duplicates of one event (in one poll and across polls), and many orders of one day (the same
 * bucket rows) all in flight together. The advisory locks per order (a poll's all at once, in uid
 * order), the inbox's primary key and the summed upserts in key order keep the figures exact and
 * free of deadlocks.
 */
class ConcurrentApplyIT extends StatisticsServiceTest {

  @Autowired OrderListener listener;

  @Test
  void concurrentDeliveriesKeepTheFiguresExact() throws Exception {
    String day = "2033-05-05T12:00:00+09:00";
    List<EventEnvelope> events = new ArrayList<>();
    int orders = 30;
    for (int i = 1; i <= orders; i++) {
      String uid = "or_t33_" + i;
      EventEnvelope placed =
          placed(uid, i, "m" + i + "@example.com", day, line("sn_t33", "Race", i, "0.5", "USD"));
      events.add(placed);
      events.add(placed); // the same event twice
      events.add(moved(uid, "CREATED", "APPROVED", day));
    }
    EventEnvelope hot =
        placed("or_t33_hot", 99, "hot@example.com", day, line("sn_t33", "Race", 1, "7", "KRW"));
    for (int i = 0; i < 8; i++) {
      events.add(hot);
    }
    // any order at all, the events of one order included
    Random random = new Random(33);
    Collections.shuffle(events, random);

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      // polls of one to four records, eight at once: batches share orders and bucket rows
      for (int from = 0; from < events.size(); ) {
        int to = Math.min(events.size(), from + 1 + random.nextInt(4));
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        for (EventEnvelope event : events.subList(from, to)) {
          poll.add(
              new ConsumerRecord<>(Topics.ORDERS, 0, 0, event.aggregateId(), codec.encode(event)));
        }
        done.add(pool.submit(() -> listener.onMessages(poll)));
        from = to;
      }
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
    // the same events on the topic too (so a rebuild replays them): all duplicates by now
    publish(Topics.ORDERS, events.toArray(EventEnvelope[]::new));
    awaitCaughtUp();

    long quantity = (long) orders * (orders + 1) / 2; // 1 + 2 + … + 30
    assertJson(
        getJson("/statistics/orders/2033/5/5"),
        figures(
            "2033-05-05",
            "2033-05-05",
            "2033-05-05",
            orders + 1,
            quantity + 1,
            "{\"KRW\":7,\"USD\":232.5}",
            "CREATED",
            1,
            "APPROVED",
            orders));
    assertJson(
        getJson("/statistics/orders/2033/5"),
        figures(
            "2033-05",
            "2033-05-01",
            "2033-05-31",
            orders + 1,
            quantity + 1,
            "{\"KRW\":7,\"USD\":232.5}",
            "CREATED",
            1,
            "APPROVED",
            orders));
    assertJson(
        getJson("/statistics/snacks?year=2033"),
        "[{\"snack_uid\":\"sn_t33\",\"name\":\"Race\",\"quantity\":"
            + (quantity + 1)
            + ",\"order_count\":"
            + (orders + 1)
            + ",\"totals\":{\"KRW\":7,\"USD\":232.5}}]");
    assertThat(getJson("/statistics/orders/list?year=2033&page_size=1000")).hasSize(orders + 1);
  }
}
