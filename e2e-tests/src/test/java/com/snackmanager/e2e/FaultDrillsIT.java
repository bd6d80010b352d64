package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.e2e.Members.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reliability issue 11: faults injected into the running suite (RELIABILITY.md), each followed by
 * "every view equals its source". The mechanisms are tested per module; these drills show them
 * working together, and log how long the suite took to recover ({@code [fault-drill]} lines in this
 * class's output and in {@code target/fault-drills.log}). Recovery times are measured, not
 * asserted: the machine's speed is not what is tested.
 *
 * <p>Each drill uses members and snacks of its own and resumes every process it froze, whatever
 * happens, so the tests after it find a healthy suite.
 */
class FaultDrillsIT {

  /** Time for the suite to recover; generous, for a loaded two-core machine. */
  private static final Duration RECOVERY = Duration.ofSeconds(180);

  /** Reactions the burst has had accepted before a fault is injected: it is really under way. */
  private static final int ACCEPTED_BEFORE_FAULT = 50;

  private static final int VOTERS = 8;

  /** Per snack of a drill, how many of the {@link #VOTERS} end on HATE: liked, hated, a tie. */
  private static final int[] FINAL_HATES = {2, 6, 4};

  private static final String CATALOG = "snack.catalog.v1";
  private static final String REACTIONS = "snack.reactions.v1";
  private static final String ORDERS = "snack.orders.v1";
  private static final String USERS = "snack.users.v1";

  /** The consumer groups of each topic (a group is named after its service). */
  private static final Map<String, Set<String>> CONSUMERS =
      Map.of(
          CATALOG, Set.of("order-service", "reaction-service", "statistics-service"),
          REACTIONS, Set.of("order-service", "snack-service", "statistics-service"),
          ORDERS, Set.of("statistics-service"),
          // nothing in the suite consumes the member events yet
          USERS, Set.of());

  private static final String DLT_GROUP_HEADER = "kafka_dlt-original-consumer-group";
  private static final String DLT_REASON_HEADER = "snack_dlt-reason";

  private final RunningSuite suite = RunningSuite.get();
  private final Api api = new Api(suite.gateway());
  private final Members members = new Members(api);
  private final Snacks snacks = new Snacks(api);

  @Test
  void postgresFrozenForFifteenSecondsDuringAReactionBurstThenEveryViewEqualsTheReactions() {
    Drill drill = new Drill("pg");
    Duration freeze = Duration.ofSeconds(15);
    long postmaster = suite.pid("postgres");
    // the postmaster first, so that it forks no new backend while its children are listed
    Set<Long> frozen = new LinkedHashSet<>(List.of(postmaster));
    Instant resumed;
    Burst burst = new Burst(drill);
    try {
      burst.start();
      burst.awaitUnderWay();
      try {
        signal("STOP", frozen);
        frozen.addAll(descendants(postmaster));
        signal("STOP", frozen);
        burst.faultStarted();
        burst.keepRunningFor(freeze);
      } finally {
        frozen.addAll(descendants(postmaster));
        signal("CONT", frozen);
        resumed = Instant.now();
        burst.faultEnded();
      }
      burst.awaitAcceptedAfterFault();
    } finally {
      burst.stop();
    }

    Duration recovered = drill.settleAndConverge(resumed);
    burst.assertNoServerErrors();
    report(
        "PostgreSQL (postmaster and its "
            + (frozen.size() - 1)
            + " child processes) frozen "
            + freeze.toSeconds()
            + " s during a reaction burst",
        recovered,
        burst);
  }

  @Test
  void kafkaFrozenForTwentySecondsDuringAReactionBurstThenEveryViewEqualsTheReactions() {
    Drill drill = new Drill("kafka");
    Duration freeze = Duration.ofSeconds(20);
    long broker = suite.pid("kafka");
    Instant resumed;
    String registeredWhileFrozen;
    Burst burst = new Burst(drill);
    try {
      burst.start();
      burst.awaitUnderWay();
      try {
        signal("STOP", Set.of(broker));
        burst.faultStarted();
        Instant frozenAt = Instant.now();
        // the snack-service takes a new snack too: its event waits in the outbox
        registeredWhileFrozen =
            snacks
                .register(drill.owner, drill.tag + " registered while Kafka was frozen", 990)
                .path("uid")
                .asString();
        burst.keepRunningFor(freeze.minus(Duration.between(frozenAt, Instant.now())));
      } finally {
        signal("CONT", Set.of(broker));
        resumed = Instant.now();
        burst.faultEnded();
      }
      burst.awaitAcceptedAfterFault();
    } finally {
      burst.stop();
    }
    assertThat(burst.acceptedDuringFault.get())
        .as("reactions accepted (200) while Kafka was frozen: the outbox holds their events")
        .isPositive();

    drill.snackUids.add(registeredWhileFrozen);
    Duration recovered = drill.settleAndConverge(resumed);
    burst.assertNoServerErrors();
    report(
        "Kafka broker frozen " + freeze.toSeconds() + " s during a reaction burst",
        recovered,
        burst);
  }

  @Test
  void aPoisonMessageOnEveryTopicIsDeadLetteredAndTheEventsAfterItAreStillApplied() {
    String marker = "poison-" + UUID.randomUUID().toString().substring(0, 8);
    Member member = members.signUp("poison-drill");
    KafkaProbe kafka = new KafkaProbe(suite.address("kafka"));
    // on every partition, so that whatever partition the later events take, they come after one
    Map<String, List<String>> poisons = new LinkedHashMap<>();
    Instant sent = Instant.now();
    for (String topic : CONSUMERS.keySet()) {
      List<String> values = new ArrayList<>();
      int partitions = kafka.partitions(topic);
      for (int partition = 0; partition < partitions; partition++) {
        String notAnEnvelope = "not an event envelope: " + marker + " " + topic + "/" + partition;
        String unknownVersion = unknownVersion(topic, marker + "-" + partition);
        kafka.send(topic, partition, marker, notAnEnvelope);
        kafka.send(topic, partition, marker, unknownVersion);
        values.add(notAnEnvelope);
        values.add(unknownVersion);
      }
      poisons.put(topic, values);
    }

    // events published after the poison, one per topic
    String tag = marker + " snack";
    String snackUid = snacks.register(member, tag, 1200).path("uid").asString(); // catalog
    Api asMember = api.as(member.access());
    await() // reactions (the catalog event reaching every group is checked below)
        .atMost(RECOVERY)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(UncheckedIOException.class)
        .until(
            () -> {
              Api.Response liked =
                  asMember.post("/snacks/" + snackUid + "/reaction/", Map.of("type", "LIKE"));
              return liked.status() == 200 || isSameReaction(liked);
            });
    String orderUid = snacks.order(member, snackUid); // orders
    Member joined = members.signUp("after-poison"); // users

    await()
        .atMost(RECOVERY)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              for (Map.Entry<String, List<String>> topic : poisons.entrySet()) {
                assertDeadLettered(kafka, topic.getKey(), topic.getValue());
              }
            });
    Duration deadLettered = Duration.between(sent, Instant.now());

    await()
        .atMost(RECOVERY)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              // every consumer group is past the poison and the events behind it
              CONSUMERS.forEach(
                  (topic, groups) ->
                      groups.forEach(
                          group ->
                              assertThat(kafka.lag(group, topic))
                                  .as(group + " on " + topic)
                                  .isZero()));
              JsonNode listed = asMember.get("/snacks/" + snackUid).json();
              assertThat(listed.path("like_reaction_count").asLong()).isEqualTo(1);
              JsonNode statistics = asMember.get("/statistics/reactions/?search=" + marker).json();
              assertThat(statistics.size()).isEqualTo(1);
              assertThat(statistics.get(0).path("snack_uid").asString()).isEqualTo(snackUid);
              assertThat(statistics.get(0).path("like_reaction_count").asLong()).isEqualTo(1);
              String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
              JsonNode orders =
                  asMember
                      .get(
                          "/statistics/orders/list/?from="
                              + today
                              + "&to="
                              + today
                              + "&ordering=-created_at&page_size=1000")
                      .json();
              assertThat(orders.valueStream().map(o -> o.path("uid").asString()))
                  .contains(orderUid);
              // nothing consumes the member events; the topic keeps taking them after the poison
              assertThat(kafka.readAll(USERS).stream().map(KafkaProbe.Message::value))
                  .anyMatch(value -> value.contains(joined.email()));
            });
    Duration applied = Duration.between(sent, Instant.now());
    recordOutcome(
        String.format(
            "poison on every partition of %s (a non-envelope and an envelope of version 99 each):"
                + " all dead-lettered by every consumer group after %.1f s; the catalog,"
                + " reaction, order and member events sent after them applied after %.1f s",
            String.join(", ", CONSUMERS.keySet()), seconds(deadLettered), seconds(applied)));
  }

  /**
   * Each of {@code poisons} sent to {@code topic} is in {@code <topic>.dlt} once per consumer group
   * of the topic, as unreadable.
   */
  private static void assertDeadLettered(KafkaProbe kafka, String topic, List<String> poisons) {
    Set<String> expected = new HashSet<>();
    for (String poison : poisons) {
      for (String group : CONSUMERS.get(topic)) {
        expected.add(group + " | unreadable | " + poison);
      }
    }
    Set<String> poisonValues = Set.copyOf(poisons);
    List<String> deadLetters =
        kafka.readAll(topic + ".dlt").stream()
            .filter(message -> poisonValues.contains(message.value()))
            .map(
                message ->
                    message.headers().get(DLT_GROUP_HEADER)
                        + " | "
                        + message.headers().get(DLT_REASON_HEADER)
                        + " | "
                        + message.value())
            .toList();
    // a set: a group may send a dead letter again if it is interrupted before committing
    assertThat(new HashSet<>(deadLetters)).as(topic + ".dlt").isEqualTo(expected);
  }

  /** An envelope of a known type of {@code topic} in a version no consumer reads. */
  private static String unknownVersion(String topic, String aggregateId) {
    String type =
        switch (topic) {
          case CATALOG -> "snack.registered";
          case REACTIONS -> "reaction.changed";
          case ORDERS -> "order.placed";
          case USERS -> "user.registered";
          default -> throw new IllegalArgumentException(topic);
        };
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("event_id", UUID.randomUUID().toString());
    envelope.put("event_type", type);
    envelope.put("event_version", 99);
    envelope.put("occurred_at", Instant.now().toString());
    envelope.put("aggregate_id", aggregateId);
    envelope.put("payload", Map.of("from_the_future", true));
    return Api.JSON.writeValueAsString(envelope);
  }

  /** A drill's members and snacks, and the check that every view equals the reactions. */
  private final class Drill {

    final String tag;
    final Member owner;
    final List<Member> voters = new ArrayList<>();
    final List<String> snackUids = Collections.synchronizedList(new ArrayList<>());

    Drill(String name) {
      tag = "drill-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
      owner = members.signUp(tag);
      for (int i = 0; i < FINAL_HATES.length; i++) {
        snackUids.add(snacks.register(owner, tag + " snack " + i, 1000 + i).path("uid").asString());
      }
      for (int i = 0; i < VOTERS; i++) {
        voters.add(members.signUp(tag + "-voter"));
      }
      for (String uid : snackUids) {
        settle(voters.get(0), uid, "LIKE"); // the reaction-service knows every snack
      }
    }

    /** The reaction each voter ends with on the snack at {@code snackIndex}. */
    String finalReaction(int voter, int snackIndex) {
      return voter < FINAL_HATES[snackIndex % FINAL_HATES.length] ? "HATE" : "LIKE";
    }

    /**
     * Gives every voter its final reaction on every snack (sent until it is accepted or already
     * held, so no request lost or left undecided in the fault can blur it), then waits until every
     * view shows exactly those reactions. How long that took from {@code resumed}.
     */
    Duration settleAndConverge(Instant resumed) {
      ExecutorService pool = Executors.newFixedThreadPool(VOTERS);
      try {
        List<Future<?>> settled = new ArrayList<>();
        for (int v = 0; v < VOTERS; v++) {
          int voter = v;
          settled.add(
              pool.submit(
                  () -> {
                    for (int s = 0; s < snackUids.size(); s++) {
                      settle(voters.get(voter), snackUids.get(s), finalReaction(voter, s));
                    }
                  }));
        }
        for (Future<?> each : settled) {
          each.get(RECOVERY.toSeconds(), TimeUnit.SECONDS);
        }
      } catch (Exception e) {
        throw new IllegalStateException("The final reactions were not accepted", e);
      } finally {
        pool.shutdownNow();
      }
      KafkaProbe kafka = new KafkaProbe(suite.address("kafka"));
      await()
          .atMost(RECOVERY)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertEveryViewEqualsTheReactions(kafka));
      Duration recovered = Duration.between(resumed, Instant.now());

      assertTheOrderServiceAppliesTheHatedRule();
      return recovered;
    }

    private void settle(Member voter, String uid, String type) {
      Api asVoter = api.as(voter.access());
      await()
          .atMost(RECOVERY)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptionsInstanceOf(UncheckedIOException.class) // a request timed out
          .until(
              () -> {
                Api.Response response =
                    asVoter.post("/snacks/" + uid + "/reaction/", Map.of("type", type));
                return response.status() == 200 || isSameReaction(response);
              });
    }

    private long expectedHates(int snackIndex) {
      return LongStream.range(0, VOTERS)
          .filter(voter -> finalReaction((int) voter, snackIndex).equals("HATE"))
          .count();
    }

    private void assertEveryViewEqualsTheReactions(KafkaProbe kafka) {
      Api reader = api.as(owner.access());
      JsonNode statistics = reader.get("/statistics/reactions/?search=" + tag).json();
      Map<String, JsonNode> statisticsBySnack = new TreeMap<>();
      statistics
          .valueStream()
          .forEach(row -> statisticsBySnack.put(row.path("snack_uid").asString(), row));
      for (int s = 0; s < snackUids.size(); s++) {
        String uid = snackUids.get(s);
        long hates = expectedHates(s);
        long likes = VOTERS - hates;
        JsonNode source = reader.get("/snacks/" + uid + "/reaction/").json();
        assertCounts("reaction-service " + uid, source, likes, hates);
        JsonNode snack = reader.get("/snacks/" + uid).json();
        assertCounts("snack-service " + uid, snack, likes, hates);
        assertThat(statisticsBySnack).as("statistics-service rows").containsKey(uid);
        assertCounts("statistics-service " + uid, statisticsBySnack.get(uid), likes, hates);
      }
      JsonNode list = reader.get("/snacks/?search=" + tag).json();
      assertThat(list.size()).as("snack list").isEqualTo(snackUids.size());
      for (JsonNode snack : list) {
        int s = snackUids.indexOf(snack.path("uid").asString());
        assertCounts("snack list", snack, VOTERS - expectedHates(s), expectedHates(s));
      }
      for (String group : CONSUMERS.get(REACTIONS)) {
        assertThat(kafka.lag(group, REACTIONS)).as(group + " on " + REACTIONS).isZero();
      }
      for (int v = 0; v < VOTERS; v++) {
        for (int s = 0; s < snackUids.size(); s++) {
          JsonNode mine =
              api.as(voters.get(v).access())
                  .get("/snacks/" + snackUids.get(s) + "/reaction/")
                  .json();
          assertThat(mine.path("my_reaction").asString())
              .as("voter " + v + " on " + snackUids.get(s))
              .isEqualTo(finalReaction(v, s));
        }
      }
    }

    /**
     * The order-service, whose view has caught up ({@link #assertEveryViewEqualsTheReactions}
     * waited for its consumer group), refuses to approve an order of a hated snack only.
     */
    private void assertTheOrderServiceAppliesTheHatedRule() {
      Api admin = api.as(members.admin().access());
      for (int s = 0; s < snackUids.size(); s++) {
        String orderUid = snacks.order(owner, snackUids.get(s));
        Api.Response approved =
            admin.patch("/orders/" + orderUid + "/status/", Map.of("status", "APPROVED"));
        boolean hated = expectedHates(s) > VOTERS - expectedHates(s);
        assertThat(approved.status())
            .as(
                "approving an order of snack %d (%s): %s",
                s, hated ? "hated" : "not hated", approved.raw().body())
            .isEqualTo(hated ? 400 : 200);
      }
    }
  }

  private static void assertCounts(String view, JsonNode counts, long likes, long hates) {
    assertThat(counts.path("like_reaction_count").asLong()).as(view + " likes").isEqualTo(likes);
    assertThat(counts.path("hate_reaction_count").asLong()).as(view + " hates").isEqualTo(hates);
  }

  private static boolean isSameReaction(Api.Response response) {
    return response.status() == 400 && "Cannot add same reaction.".equals(response.detail());
  }

  /**
   * Every voter switching its reactions on the drill's snacks as fast as the suite answers, from
   * one thread each, counting the answers.
   */
  private final class Burst {

    private final Drill drill;
    private final ExecutorService pool = Executors.newFixedThreadPool(VOTERS);
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger acceptedDuringFault = new AtomicInteger();
    private final AtomicReference<Instant> firstAcceptedAfterFault = new AtomicReference<>();
    private volatile Instant faultStart;
    private volatile Instant faultEnd;
    private volatile boolean running = true;
    // counted down when the burst stops: a voter's back-off ends early then
    private final CountDownLatch stopped = new CountDownLatch(1);

    Burst(Drill drill) {
      this.drill = drill;
    }

    /** Returns once the burst has had some reactions accepted. */
    void awaitUnderWay() {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> accepted() >= ACCEPTED_BEFORE_FAULT || !serverErrors.isEmpty());
    }

    /** Holds the fault for {@code duration} while the voters keep sending. */
    void keepRunningFor(Duration duration) {
      if (duration.isNegative() || duration.isZero()) {
        return;
      }
      await()
          .during(duration)
          .atMost(duration.plusSeconds(30))
          .until(() -> running && !pool.isTerminated());
    }

    /** Returns once a reaction sent after the fault ended has been accepted. */
    void awaitAcceptedAfterFault() {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> firstAcceptedAfterFault.get() != null || !serverErrors.isEmpty());
    }

    private int accepted() {
      AtomicInteger ok = answers.get("200");
      return ok == null ? 0 : ok.get();
    }

    void start() {
      for (Member voter : drill.voters) {
        pool.submit(
            () -> {
              try {
                react(voter);
              } catch (RuntimeException | Error e) {
                serverErrors.add("the burst of " + voter.email() + " stopped: " + e);
              }
            });
      }
    }

    void faultStarted() {
      faultStart = Instant.now();
    }

    void faultEnded() {
      faultEnd = Instant.now();
    }

    void stop() {
      running = false;
      stopped.countDown();
      pool.shutdown();
      try {
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("the burst stopped").isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private void react(Member voter) {
      Api asVoter = api.as(voter.access());
      Map<String, String> held = new HashMap<>();
      for (int i = 0; running; i++) {
        String uid = drill.snackUids.get(i % FINAL_HATES.length);
        String type = "LIKE".equals(held.get(uid)) ? "HATE" : "LIKE";
        Instant sent = Instant.now();
        Api.Response response;
        try {
          response = asVoter.post("/snacks/" + uid + "/reaction/", Map.of("type", type));
        } catch (UncheckedIOException timedOut) {
          count("timed out");
          continue;
        }
        Instant answered = Instant.now();
        count(Integer.toString(response.status()));
        if (response.status() == 200) {
          held.put(uid, type);
          Instant start = faultStart;
          Instant end = faultEnd;
          if (start != null && sent.isAfter(start) && (end == null || answered.isBefore(end))) {
            acceptedDuringFault.incrementAndGet();
          }
          if (end != null && sent.isAfter(end)) {
            firstAcceptedAfterFault.compareAndSet(null, answered);
          }
        } else if (isSameReaction(response)) {
          held.put(uid, type); // an earlier request whose answer was lost did apply
        } else if (response.status() == 429) {
          backOff();
        } else if ((response.status() == 503 || response.status() == 504)
            && String.valueOf(response.contentType()).startsWith("application/problem+json")) {
          backOff();
        } else {
          serverErrors.add(response.status() + " " + response.raw().body());
        }
      }
    }

    /** A quarter of a second before the next try, or less if the burst is stopped meanwhile. */
    private void backOff() {
      try {
        stopped.await(250, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private void count(String answer) {
      answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
    }

    void assertNoServerErrors() {
      assertThat(serverErrors)
          .as("answers other than 200, 400 (same reaction), 429, 503/504 (problem+json)")
          .isEmpty();
    }

    String summary() {
      Instant firstAccepted = firstAcceptedAfterFault.get();
      return "answers "
          + new TreeMap<>(answers)
          + ", accepted during the fault "
          + acceptedDuringFault.get()
          + (firstAccepted == null
              ? ""
              : String.format(
                  ", first reaction accepted %.1f s after the resume",
                  seconds(Duration.between(faultEnd, firstAccepted))));
    }
  }

  private static void report(String fault, Duration recovered, Burst burst) {
    recordOutcome(
        String.format(
            "%s: every view (reaction-service, snack list and detail, statistics, every reaction"
                + " consumer group at lag 0) equal to the reactions %.1f s after the resume, then the"
                + " order-service's hated rule held; %s",
            fault, seconds(recovered), burst.summary()));
  }

  /** Logs a drill's outcome and appends it to {@code target/fault-drills.log}. */
  private static void recordOutcome(String line) {
    String stamped = "[fault-drill] " + Instant.now() + " " + line;
    System.out.println(stamped);
    try {
      Files.writeString(
          Path.of("target/fault-drills.log"),
          stamped + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  /**
   * Sends SIGSTOP or SIGCONT to all of {@code pids} at once; if that fails (a PostgreSQL backend
   * ended meanwhile), to each of them alone, where one that has exited is no failure.
   */
  private static void signal(String signal, Set<Long> pids) {
    List<String> all = new ArrayList<>(List.of("kill", "-" + signal));
    pids.forEach(pid -> all.add(Long.toString(pid)));
    try {
      Process kill = new ProcessBuilder(all).redirectErrorStream(true).start();
      kill.getInputStream().readAllBytes();
      if (kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0) {
        return;
      }
    } catch (IOException e) {
      // signalled one by one below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // signalled one by one below all the same
    }
    List<String> failures = new ArrayList<>();
    for (long pid : pids) {
      try {
        Process kill =
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        String output = new String(kill.getInputStream().readAllBytes());
        if (!kill.waitFor(30, TimeUnit.SECONDS)
            || kill.exitValue() != 0 && ProcessHandle.of(pid).isPresent()) {
          failures.add("kill -" + signal + " " + pid + ": " + output);
        }
      } catch (IOException e) {
        failures.add("kill -" + signal + " " + pid + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add("kill -" + signal + " " + pid + ": interrupted");
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(String.join("\n", failures));
    }
  }

  private static List<Long> descendants(long pid) {
    try (Stream<ProcessHandle> children =
        ProcessHandle.of(pid).map(ProcessHandle::descendants).orElseGet(Stream::empty)) {
      return children.map(ProcessHandle::pid).toList();
    }
  }
}
