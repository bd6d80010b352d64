package com.snackmanager.statistics.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * The consumer group's position in its topics, read and reset with the Kafka admin client. Calls
 * block (at most {@link #TIMEOUT} each): run them off the event loop.
 */
@Component
public class KafkaOffsets {

  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Admin admin;

  KafkaOffsets(Admin admin) {
    this.admin = admin;
  }

  /**
   * Per topic, how many records the group has not consumed yet: end offsets minus committed offsets
   * (the start of the partition where the group has committed nothing).
   */
  public Map<String, Long> lag(String group, List<String> topics) {
    List<TopicPartition> partitions = partitions(topics);
    Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, OffsetAndMetadata> committed =
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    Map<String, Long> lag = new HashMap<>();
    topics.forEach(topic -> lag.put(topic, 0L));
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata position = committed.get(partition);
      long consumed = position == null ? earliest.get(partition) : position.offset();
      lag.merge(partition.topic(), Math.max(0, latest.get(partition) - consumed), Long::sum);
    }
    return lag;
  }

  /**
   * Moves the group back to the start of every partition of {@code topics}. Kafka refuses while the
   * group has active members.
   *
   * @return how many records the group will read again
   */
  public long resetToEarliest(String group, List<String> topics) {
    List<TopicPartition> partitions = partitions(topics);
    Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
    earliest.forEach((partition, offset) -> start.put(partition, new OffsetAndMetadata(offset)));
    get(admin.alterConsumerGroupOffsets(group, start).all());
    return partitions.stream().mapToLong(p -> latest.get(p) - earliest.get(p)).sum();
  }

  private List<TopicPartition> partitions(List<String> topics) {
    Map<String, TopicDescription> descriptions = get(admin.describeTopics(topics).allTopicNames());
    return descriptions.values().stream()
        .flatMap(
            description ->
                description.partitions().stream()
                    .map(info -> new TopicPartition(description.name(), info.partition())))
        .toList();
  }

  private Map<TopicPartition, Long> offsets(
      Collection<TopicPartition> partitions, OffsetSpec spec) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(partition -> request.put(partition, spec));
    Map<TopicPartition, ListOffsetsResultInfo> result = get(admin.listOffsets(request).all());
    Map<TopicPartition, Long> offsets = new HashMap<>();
    result.forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }

  private static <T> T get(KafkaFuture<T> future) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking Kafka", e);
    } catch (ExecutionException e) {
      throw new KafkaUnavailableException(e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaUnavailableException(e);
    }
  }

  /** Kafka did not answer, or refused. */
  public static class KafkaUnavailableException extends RuntimeException {
    KafkaUnavailableException(Throwable cause) {
      super(cause == null ? "Kafka did not answer" : cause.toString(), cause);
    }
  }
}
