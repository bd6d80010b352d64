package com.snackmanager.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A plain Kafka client against the running suite's broker, for the drills that write to a topic
 * behind the services' backs (a poison message) or read what no API shows (a dead-letter topic, a
 * consumer group's committed offsets).
 *
 * <p>The e2e module talks to the suite only over HTTP and has no Kafka client on its classpath;
 * this one loads {@code kafka-clients} from the jars the local runner starts its broker from
 * ({@code infra/local-runner/target/kafka-libs}, built with the runner the suite needs anyway), in
 * a class loader of its own, and calls it by reflection. Only the handful of calls the drills need.
 */
final class KafkaProbe implements AutoCloseable {

  /** A record as read back: key, value and headers as UTF-8 text. */
  record Message(
      int partition, long offset, String key, String value, Map<String, String> headers) {}

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrap;
  private final URLClassLoader loader;

  KafkaProbe(String bootstrap) {
    this.bootstrap = bootstrap;
    Path libs =
        Path.of("").toAbsolutePath().getParent().resolve("infra/local-runner/target/kafka-libs");
    try (Stream<Path> jars = Files.list(libs)) {
      URL[] urls =
          jars.filter(
                  jar -> {
                    String name = jar.getFileName().toString();
                    return name.startsWith("kafka-clients-") || name.startsWith("slf4j-api-");
                  })
              .map(KafkaProbe::url)
              .toArray(URL[]::new);
      this.loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException("No Kafka client jars in " + libs, e);
    }
  }

  /**
   * Sends {@code value} under {@code key} to one partition of {@code topic} and waits for the ack.
   */
  void send(String topic, int partition, String key, String value) {
    call(
        () -> {
          Object producer =
              type("org.apache.kafka.clients.producer.KafkaProducer")
                  .getConstructor(Map.class)
                  .newInstance(
                      config(
                          "key.serializer",
                          "org.apache.kafka.common.serialization.StringSerializer",
                          "value.serializer",
                          "org.apache.kafka.common.serialization.StringSerializer",
                          "acks",
                          "all"));
          try {
            Class<?> recordType = type("org.apache.kafka.clients.producer.ProducerRecord");
            Object record =
                recordType
                    .getConstructor(String.class, Integer.class, Object.class, Object.class)
                    .newInstance(topic, partition, key, value);
            Future<?> sent =
                (Future<?>)
                    invoke(
                        producer,
                        "org.apache.kafka.clients.producer.Producer",
                        "send",
                        new Class<?>[] {recordType},
                        record);
            sent.get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
          } finally {
            close(producer);
          }
          return null;
        });
  }

  /** The number of partitions of {@code topic}. */
  int partitions(String topic) {
    return call(() -> withConsumer(Map.of(), consumer -> topicPartitions(consumer, topic).size()));
  }

  /** Every record of {@code topic}, oldest first per partition. */
  List<Message> readAll(String topic) {
    return call(
        () ->
            withConsumer(
                Map.of(),
                consumer -> {
                  List<Object> partitions = topicPartitions(consumer, topic);
                  consumerCall(consumer, "assign", Collection.class, partitions);
                  consumerCall(consumer, "seekToBeginning", Collection.class, partitions);
                  Map<?, ?> ends =
                      (Map<?, ?>)
                          consumerCall(consumer, "endOffsets", Collection.class, partitions);
                  List<Message> read = new ArrayList<>();
                  Instant deadline = Instant.now().plus(REQUEST_TIMEOUT);
                  while (!atEnd(consumer, ends)) {
                    if (Instant.now().isAfter(deadline)) {
                      throw new IllegalStateException("Could not read " + topic + " to its end");
                    }
                    Iterable<?> records =
                        (Iterable<?>)
                            consumerCall(consumer, "poll", Duration.class, Duration.ofMillis(500));
                    for (Object record : records) {
                      read.add(message(record));
                    }
                  }
                  return read;
                }));
  }

  /**
   * How many records of {@code topic} the consumer group {@code group} has not committed yet (over
   * all partitions): 0 once it has processed (or dead-lettered) everything published so far. Reads
   * the committed offsets only; it never joins the group.
   */
  long lag(String group, String topic) {
    return call(
        () ->
            withConsumer(
                Map.of("group.id", group, "enable.auto.commit", "false"),
                consumer -> {
                  List<Object> partitions = topicPartitions(consumer, topic);
                  Map<?, ?> ends =
                      (Map<?, ?>)
                          consumerCall(consumer, "endOffsets", Collection.class, partitions);
                  Map<?, ?> committed =
                      (Map<?, ?>)
                          consumerCall(consumer, "committed", Set.class, new HashSet<>(partitions));
                  long lag = 0;
                  for (Map.Entry<?, ?> end : ends.entrySet()) {
                    Object offset = committed.get(end.getKey());
                    long position =
                        offset == null
                            ? 0
                            : (long)
                                type("org.apache.kafka.clients.consumer.OffsetAndMetadata")
                                    .getMethod("offset")
                                    .invoke(offset);
                    lag += (long) end.getValue() - position;
                  }
                  return lag;
                }));
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface ConsumerWork<T> {
    T apply(Object consumer) throws Exception;
  }

  private <T> T withConsumer(Map<String, Object> extra, ConsumerWork<T> work) throws Exception {
    Map<String, Object> config =
        config(
            "key.deserializer",
            "org.apache.kafka.common.serialization.StringDeserializer",
            "value.deserializer",
            "org.apache.kafka.common.serialization.StringDeserializer",
            "auto.offset.reset",
            "earliest",
            "enable.auto.commit",
            "false");
    config.putAll(extra);
    Object consumer =
        type("org.apache.kafka.clients.consumer.KafkaConsumer")
            .getConstructor(Map.class)
            .newInstance(config);
    try {
      return work.apply(consumer);
    } finally {
      close(consumer);
    }
  }

  private List<Object> topicPartitions(Object consumer, String topic) throws Exception {
    List<?> infos =
        (List<?>)
            invoke(
                consumer,
                "org.apache.kafka.clients.consumer.Consumer",
                "partitionsFor",
                new Class<?>[] {String.class, Duration.class},
                topic,
                REQUEST_TIMEOUT);
    Class<?> topicPartition = type("org.apache.kafka.common.TopicPartition");
    Method partitionOf = type("org.apache.kafka.common.PartitionInfo").getMethod("partition");
    List<Object> partitions = new ArrayList<>();
    for (Object info : infos) {
      partitions.add(
          topicPartition
              .getConstructor(String.class, int.class)
              .newInstance(topic, (int) partitionOf.invoke(info)));
    }
    return partitions;
  }

  private boolean atEnd(Object consumer, Map<?, ?> ends) throws Exception {
    for (Map.Entry<?, ?> end : ends.entrySet()) {
      long position =
          (long)
              invoke(
                  consumer,
                  "org.apache.kafka.clients.consumer.Consumer",
                  "position",
                  new Class<?>[] {type("org.apache.kafka.common.TopicPartition")},
                  end.getKey());
      if (position < (long) end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private Message message(Object record) throws Exception {
    Class<?> type = type("org.apache.kafka.clients.consumer.ConsumerRecord");
    Map<String, String> headers = new LinkedHashMap<>();
    Class<?> header = type("org.apache.kafka.common.header.Header");
    for (Object h : (Iterable<?>) type.getMethod("headers").invoke(record)) {
      byte[] value = (byte[]) header.getMethod("value").invoke(h);
      headers.put(
          (String) header.getMethod("key").invoke(h),
          value == null ? null : new String(value, StandardCharsets.UTF_8));
    }
    return new Message(
        (int) type.getMethod("partition").invoke(record),
        (long) type.getMethod("offset").invoke(record),
        (String) type.getMethod("key").invoke(record),
        (String) type.getMethod("value").invoke(record),
        headers);
  }

  private Object consumerCall(Object consumer, String method, Class<?> parameter, Object argument)
      throws Exception {
    return invoke(
        consumer,
        "org.apache.kafka.clients.consumer.Consumer",
        method,
        new Class<?>[] {parameter},
        argument);
  }

  /** Calls {@code method} as declared by the public interface {@code declaringType}. */
  private Object invoke(
      Object target, String declaringType, String method, Class<?>[] parameters, Object... args)
      throws Exception {
    try {
      return type(declaringType).getMethod(method, parameters).invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private void close(Object client) throws Exception {
    ((AutoCloseable) client).close();
  }

  private Class<?> type(String name) throws ClassNotFoundException {
    return Class.forName(name, true, loader);
  }

  private Map<String, Object> config(String... pairs) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("request.timeout.ms", (int) REQUEST_TIMEOUT.toMillis());
    for (int i = 0; i < pairs.length; i += 2) {
      config.put(pairs[i], pairs[i + 1]);
    }
    return config;
  }

  /**
   * Runs {@code work} with this probe's class loader as the context class loader: Kafka loads the
   * (de)serialisers named in its configuration through it.
   */
  private <T> T call(Callable<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Kafka call failed: " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
