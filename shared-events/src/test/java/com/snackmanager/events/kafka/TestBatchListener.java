package com.snackmanager.events.kafka;

import com.snackmanager.events.EventsTestApplication;
import com.snackmanager.events.TestWork;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.inbox.InboxProcessor;
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
 * A batch consumer written the way the services write theirs ({@link BatchListeners#process}, the
 * inbox and the work of a batch in one transaction), doing {@link TestWork}.
 */
@Component
public class TestBatchListener {

  public static final String ID = "test-batch";

  private final EventCodec codec;
  private final InboxProcessor inbox;
  private final TestWork work;
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();
  private final Map<UUID, Integer> applied = new ConcurrentHashMap<>();

  public TestBatchListener(EventCodec codec, InboxProcessor inbox, TestWork work) {
    this.codec = codec;
    this.inbox = inbox;
    this.work = work;
  }

  @KafkaListener(
      id = ID,
      topics = EventsTestApplication.BATCH_TOPIC,
      groupId = "shared-events-batch-test",
      containerFactory = BatchListeners.FACTORY)
  public void on(List<ConsumerRecord<String, String>> records) {
    batches.add(records.stream().map(ConsumerRecord::value).toList());
    BatchListeners.process(
        records,
        record -> codec.decode(record.value()),
        events ->
            inbox
                .processBatchOnce(
                    events,
                    event -> event,
                    EventsTestApplication.BATCH_TOPIC,
                    fresh -> Flux.fromIterable(fresh).concatMap(work::apply).then())
                .doOnNext(fresh -> fresh.forEach(e -> applied.merge(e.eventId(), 1, Integer::sum)))
                .block());
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
