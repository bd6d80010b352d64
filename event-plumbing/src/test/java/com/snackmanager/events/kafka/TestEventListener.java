package com.snackmanager.events.kafka;

import com.snackmanager.events.EventsTestApplication;
import com.snackmanager.events.TestCounters;
import com.snackmanager.events.TestWork;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.inbox.InboxProcessor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A consumer written the way a service writes one: decode the envelope, then update the projection
 * through the inbox. Events of type {@value #ALWAYS_FAILS} make it throw; {@link TestWork} events
 * do their work.
 */
@Component
public class TestEventListener {

  public static final String ALWAYS_FAILS = "test.always-fails";

  private final EventCodec codec;
  private final InboxProcessor inbox;
  private final DatabaseClient db;
  private final TestWork work;
  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private final Map<UUID, List<Boolean>> outcomes = new ConcurrentHashMap<>();

  public TestEventListener(
      EventCodec codec, InboxProcessor inbox, DatabaseClient db, TestWork work) {
    this.codec = codec;
    this.inbox = inbox;
    this.db = db;
    this.work = work;
  }

  @KafkaListener(topics = EventsTestApplication.CONSUMER_TOPIC, groupId = "event-plumbing-test")
  public void on(ConsumerRecord<String, String> record) {
    deliveries.computeIfAbsent(record.value(), value -> new AtomicInteger()).incrementAndGet();
    EventEnvelope envelope = codec.decode(record.value());
    if (ALWAYS_FAILS.equals(envelope.eventType())) {
      throw new IllegalStateException("cannot handle " + envelope.eventId());
    }
    boolean applied =
        inbox
            .processOnce(
                envelope,
                record.topic(),
                e ->
                    TestWork.TYPE.equals(e.eventType())
                        ? work.apply(e)
                        : TestCounters.increment(db, e.aggregateId()))
            .block();
    outcomes.computeIfAbsent(envelope.eventId(), id -> new CopyOnWriteArrayList<>()).add(applied);
  }

  /** How often a message with this exact value reached the listener. */
  public int deliveries(String value) {
    AtomicInteger count = deliveries.get(value);
    return count == null ? 0 : count.get();
  }

  /** For each handled delivery of the event: whether the inbox let its work run. */
  public List<Boolean> outcomes(UUID eventId) {
    return List.copyOf(outcomes.getOrDefault(eventId, List.of()));
  }
}
