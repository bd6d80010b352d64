package com.snackmanager.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service does with Kafka, read from its source rather than written down a second time: the
 * topics it declares ({@code snack.kafka.topics} in its application.yml: everything it produces or
 * consumes), the topics and consumer groups of its {@code @KafkaListener}s. What it declares but
 * does not listen to, it produces. So a new listener or topic that the production ACLs do not grant
 * fails the deployment tests instead of a production start-up.
 *
 * @param produces topics it writes its events to
 * @param consumes topics it reads
 * @param groups the consumer groups it reads them in
 */
record KafkaUsage(Set<String> produces, Set<String> consumes, Set<String> groups) {

  private static final Pattern CONSTANT =
      Pattern.compile("static final String ([A-Z_]+) = \"([^\"]+)\";");
  private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(([^)]*)\\)");
  private static final Pattern TOPICS = Pattern.compile("topics\\s*=\\s*(\\{[^}]*}|[A-Za-z_.]+)");
  private static final Pattern TOPIC_CONSTANT = Pattern.compile("Topics\\.([A-Z_]+)");
  private static final Pattern GROUP =
      Pattern.compile("groupId\\s*=\\s*(?:\"([^\"]*)\"|([A-Za-z_][A-Za-z0-9_.]*))");

  static KafkaUsage of(String service) {
    Map<String, String> topics =
        constants("event-contracts/src/main/java", "/envelope/Topics.java");
    String source = sources(service);
    Set<String> declared = declared(service);
    Set<String> consumes = new TreeSet<>();
    Set<String> groups = new TreeSet<>();
    Matcher listener = LISTENER.matcher(source);
    while (listener.find()) {
      String arguments = listener.group(1);
      Matcher topicsArgument = TOPICS.matcher(arguments);
      if (!topicsArgument.find()) {
        throw new AssertionError(service + ": a @KafkaListener without topics = Topics.X");
      }
      Matcher topic = TOPIC_CONSTANT.matcher(topicsArgument.group(1));
      while (topic.find()) {
        consumes.add(resolve(topics, topic.group(1)));
      }
      groups.add(group(service, source, arguments));
    }
    Set<String> produces = new TreeSet<>(declared);
    produces.removeAll(consumes);
    return new KafkaUsage(produces, consumes, groups);
  }

  /** {@code "${spring.application.name}"} is the service's name; a constant is looked up. */
  private static String group(String service, String source, String arguments) {
    Matcher group = GROUP.matcher(arguments);
    if (!group.find()) {
      throw new AssertionError(service + ": a @KafkaListener without a groupId");
    }
    if (group.group(1) != null) {
      if (group.group(1).equals("${spring.application.name}")) {
        return service;
      }
      if (group.group(1).contains("${")) {
        throw new AssertionError(service + ": cannot resolve groupId " + group.group(1));
      }
      return group.group(1);
    }
    String name = group.group(2).substring(group.group(2).lastIndexOf('.') + 1);
    Matcher value = Pattern.compile("\\b" + name + " = \"([^\"]+)\";").matcher(source);
    if (!value.find()) {
      throw new AssertionError(service + ": cannot resolve groupId " + group.group(2));
    }
    return value.group(1);
  }

  /** {@code snack.kafka.topics} of the service's application.yml. */
  private static Set<String> declared(String service) {
    Object topics =
        Repository.yaml(service + "/src/main/resources/application.yml")
                        .getOrDefault("snack", Map.of())
                    instanceof Map<?, ?> snack
                && snack.get("kafka") instanceof Map<?, ?> kafka
            ? kafka.get("topics")
            : null;
    if (!(topics instanceof String list) || list.isBlank()) {
      throw new AssertionError(service + ": application.yml declares no snack.kafka.topics");
    }
    Set<String> declared = new TreeSet<>();
    for (String topic : list.split(",")) {
      declared.add(topic.trim());
    }
    return declared;
  }

  private static String resolve(Map<String, String> constants, String name) {
    String value = constants.get(name);
    if (value == null) {
      throw new AssertionError("Topics." + name + " is not a constant of event-contracts' Topics");
    }
    return value;
  }

  private static Map<String, String> constants(String root, String file) {
    Map<String, String> constants = new HashMap<>();
    Matcher constant = CONSTANT.matcher(sources(root, file));
    while (constant.find()) {
      constants.put(constant.group(1), constant.group(2));
    }
    return constants;
  }

  private static String sources(String service) {
    return sources(service + "/src/main/java", ".java");
  }

  /** The text of every file under {@code root} whose name ends with {@code suffix}. */
  private static String sources(String root, String suffix) {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(Repository.path(root))) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
        text.append(Files.readString(file)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
