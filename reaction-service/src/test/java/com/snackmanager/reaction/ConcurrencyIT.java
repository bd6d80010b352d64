package com.snackmanager.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Requests that really race each other, sent at once over separate connections. */
class ConcurrencyIT extends ReactionServiceTest {

  private static final Duration LIMIT = Duration.ofMinutes(2);
  private static final String WITHDRAW = "withdraw";

  @Test
  void aHundredIdenticalReactionsOfOneMemberAtOnceStoreOne() {
    String snack = newSnack();
    long member = newMember();
    WebClient http = http();

    List<Integer> statuses =
        Flux.range(0, 100)
            .flatMap(i -> racingReaction(http, snack, member, "LIKE"), 100)
            .collectList()
            .block(LIMIT);

    assertThat(countByStatus(statuses)).containsOnly(Map.entry(200, 1L), Map.entry(400, 99L));
    assertThat(storedCounts(snack)).isEqualTo(new Counts(1, 0));
    assertThat(cachedCounts(snack)).isEqualTo(new Counts(1, 0));
    assertThat(outboxEvents(snack)).hasSize(1);
  }

  @Test
  void fiftyMembersReactingSwitchingAndWithdrawingAtOnceLeaveExactCounts() {
    String snack = newSnack();
    List<Long> members = LongStream.range(0, 50).mapToObj(i -> newMember()).toList();
    WebClient http = http();

    // every member sends three requests at the same moment; which one wins is a race, but the
    // counts must equal the stored reactions whatever the outcome
    List<Map.Entry<Long, String>> requests = new ArrayList<>();
    for (long member : members) {
      requests.add(Map.entry(member, member % 2 == 0 ? "LIKE" : "HATE"));
      requests.add(Map.entry(member, member % 2 == 0 ? "HATE" : "LIKE"));
      requests.add(Map.entry(member, member % 5 == 0 ? WITHDRAW : "LIKE"));
    }
    List<Integer> statuses =
        Flux.fromIterable(requests)
            .flatMap(
                request ->
                    racingReaction(
                        http,
                        snack,
                        request.getKey(),
                        WITHDRAW.equals(request.getValue()) ? null : request.getValue()),
                requests.size())
            .collectList()
            .block(LIMIT);

    assertThat(statuses).hasSize(150).allMatch(s -> s == 200 || s == 400 || s == 404);
    assertExact(snack, members);
  }

  @Test
  void aRedisFlushDuringConcurrentReactionsLosesNothing() {
    String snack = newSnack();
    List<Long> members = LongStream.range(0, 60).mapToObj(i -> newMember()).toList();
    WebClient http = http();
    // the first ten are cached before the storm
    members.subList(0, 10).forEach(m -> react(snack, m, "HATE").expectStatus().isOk());

    List<Integer> statuses =
        Flux.fromIterable(members.subList(10, 60))
            .index()
            .flatMap(
                indexed ->
                    indexed.getT1() == 20
                        // flushed while other requests of the storm are in flight
                        ? flushAll().then(racingReaction(http, snack, indexed.getT2(), "LIKE"))
                        : racingReaction(http, snack, indexed.getT2(), "LIKE"),
                16)
            .collectList()
            .block(LIMIT);

    assertThat(statuses).hasSize(50).containsOnly(200);
    assertThat(storedCounts(snack)).isEqualTo(new Counts(50, 10));
    assertThat(body(mine(snack, members.get(0)), HttpStatus.OK))
        .containsEntry("my_reaction", "HATE")
        .containsEntry("like_reaction_count", 50)
        .containsEntry("hate_reaction_count", 10);
    assertThat(cachedCounts(snack)).isEqualTo(new Counts(50, 10));
    assertExact(snack, members);
  }

  /**
   * Redis and PostgreSQL agree, every member has at most one stored reaction, and the outbox deltas
   * add up to the stored counts.
   */
  private void assertExact(String snack, List<Long> members) {
    Counts stored = storedCounts(snack);
    Map<String, Object> shown = body(mine(snack, members.get(0)), HttpStatus.OK);
    assertThat(
            new Counts(number(shown, "like_reaction_count"), number(shown, "hate_reaction_count")))
        .isEqualTo(stored);
    assertThat(cachedCounts(snack)).isEqualTo(stored);
    long rows =
        db.sql("SELECT count(*) AS n FROM reaction WHERE snack_uid = :uid")
            .bind("uid", snack)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    assertThat(rows).isLessThanOrEqualTo(members.size());
    for (long member : members) {
      Object mine = body(mine(snack, member), HttpStatus.OK).get("my_reaction");
      assertThat(mine).isEqualTo(storedReaction(snack, member));
    }
    long likes = 0;
    long hates = 0;
    for (String event : outboxEvents(snack)) {
      JsonNode payload = JsonMapper.shared().readTree(event).get("payload");
      String previous = payload.get("previous").asString(null);
      String current = payload.get("current").asString(null);
      assertThat(previous).as(event).isNotEqualTo(current);
      likes += ("LIKE".equals(current) ? 1 : 0) - ("LIKE".equals(previous) ? 1 : 0);
      hates += ("HATE".equals(current) ? 1 : 0) - ("HATE".equals(previous) ? 1 : 0);
    }
    assertThat(new Counts(likes, hates)).isEqualTo(stored);
  }

  private Mono<Void> flushAll() {
    return redis.getConnectionFactory().getReactiveConnection().serverCommands().flushAll().then();
  }

  private static long number(Map<String, Object> body, String field) {
    return ((Number) body.get(field)).longValue();
  }

  private static Map<Integer, Long> countByStatus(List<Integer> statuses) {
    return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
  }
}
