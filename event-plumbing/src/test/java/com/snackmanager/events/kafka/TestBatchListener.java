package com.snackmanager.events.kafka;

import com.snackmanager.events.EventsTestApplication;
import com.snackmanager.events.TestWork;
import com.snackmanager.events.consumer.BatchConsumer;
import com.snackmanager.events.consumer.EventConsumers;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * A batch consumer written the way the services write theirs ({@link BatchConsumer}: the inbox and
 * the work of a batch in one transaction), doing {@link TestWork}.
 */
@Component
public class TestBatchListener {

  public static final String ID = "test-batch";

  private final BatchConsumer<EventEnvelope> consumer;
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();
  private final Map<UUID, Integer> applied = new ConcurrentHashMap<>();

  public TestBatchListener(EventConsumers consumers, EventCodec codec, TestWork work) {
    this.consumer =
        consumers
            .batch(
                EventsTestApplication.BATCH_TOPIC,
                codec::decode,
                event -> event,
                fresh -> Flux.fromIterable(fresh).concatMap(work::apply).then())
            .afterCommit(fresh -> fresh.forEach(e -> applied.merge(e.eventId(), 1, Integer::sum)));
  }

  @KafkaListener(
      id = ID,
      topics = EventsTestApplication.BATCH_TOPIC,
      groupId = "event-plumbing-batch-test",
      containerFactory = BatchListeners.FACTORY)
  public void on(List<ConsumerRecord<String, String>> records) {
    batches.add(records.stream().map(ConsumerRecord::value).toList());
    consumer.consume(records);
  }

  /** How often the event's work was committed. */
  public int applied(EventEnvelope event) {
    return applied.getOrDefault(event.eventId(), 0);
  }

  /** How many of the batches handed to the listener held this exact message. */
  public long deliveries(String value) {
    return batches.stream().filter(batch -> batch.contains(value)).count();
  }

  /** Whether one batch held all these messages. */
  public boolean deliveredTogether(List<String> values) {
    return batches.stream().anyMatch(batch -> Set.copyOf(batch).containsAll(values));
  }
}
