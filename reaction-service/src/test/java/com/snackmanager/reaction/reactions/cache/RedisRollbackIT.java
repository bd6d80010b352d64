package com.snackmanager.reaction.reactions.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.reaction.ReactionServiceTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Redis brought back with older data (a restart that lost the last second of its AOF, a replica
 * promoted before it caught up): the snack's sets and its sequence go back in time, while
 * PostgreSQL holds the later changes. The restored keys were written by another server process
 * (another {@code run_id}), and that is what the scripts notice: they drop the generation, and the
 * snack is rebuilt from PostgreSQL instead of deciding new changes on stale sets.
 */
class RedisRollbackIT extends ReactionServiceTest {

  @Test
  void aGenerationRestoredFromAnotherServerIsRebuiltFromPostgres() {
    String snack = newSnack();
    long first = newMember();
    long second = newMember();
    react(snack, first, "LIKE").expectStatus().isOk();
    react(snack, second, "LIKE").expectStatus().isOk();
    Snapshot snapshot = snapshot(snack); // the older data Redis comes back with

    react(snack, first, "HATE").expectStatus().isOk();
    withdraw(snack, second).expectStatus().isOk();
    restoreAsAnotherServer(snack, snapshot);

    // the stale sets say second still likes it: they are not believed
    assertThat(body(mine(snack, second), HttpStatus.OK))
        .containsEntry("my_reaction", null)
        .containsEntry("like_reaction_count", 0)
        .containsEntry("hate_reaction_count", 1);
    restoreAsAnotherServer(snack, snapshot);
    // stale sets would refuse this as "same reaction", and a stale sequence would rank it before
    // the stored HATE, dropping it while answering 200
    assertThat(body(react(snack, first, "LIKE"), HttpStatus.OK))
        .containsEntry("like_reaction_count", 1)
        .containsEntry("hate_reaction_count", 0);
    assertThat(body(react(snack, second, "HATE"), HttpStatus.OK))
        .containsEntry("like_reaction_count", 1)
        .containsEntry("hate_reaction_count", 1);

    assertThat(storedReaction(snack, first)).isEqualTo("LIKE");
    assertThat(storedReaction(snack, second)).isEqualTo("HATE");
    assertThat(cachedCounts(snack)).isEqualTo(storedCounts(snack)).isEqualTo(new Counts(1, 1));
    assertThat(generationServer(snack)).isEqualTo(runId());
  }

  @Test
  void aGenerationOfThisServerIsKept() {
    String snack = newSnack();
    react(snack, newMember(), "LIKE").expectStatus().isOk();
    String epoch = generation(snack).get("epoch");

    react(snack, newMember(), "HATE").expectStatus().isOk();

    assertThat(generationServer(snack)).isEqualTo(runId());
    assertThat(generation(snack)).containsEntry("epoch", epoch).containsEntry("seq", "2");
  }

  /** A snack's cached sets and generation, as a snapshot of Redis holds them. */
  private record Snapshot(List<String> likes, List<String> hates, Map<String, String> generation) {}

  private Snapshot snapshot(String snack) {
    List<String> keys = ReactionCache.keys(snack);
    return new Snapshot(
        redis.opsForSet().members(keys.get(0)).collectList().block(),
        redis.opsForSet().members(keys.get(1)).collectList().block(),
        generation(snack));
  }

  /** The snapshot's keys as a restarted server loads them: as they were, from its old run. */
  private void restoreAsAnotherServer(String snack, Snapshot snapshot) {
    List<String> keys = ReactionCache.keys(snack);
    redis.delete(keys.toArray(String[]::new)).block();
    if (!snapshot.likes().isEmpty()) {
      redis.opsForSet().add(keys.get(0), snapshot.likes().toArray(String[]::new)).block();
    }
    if (!snapshot.hates().isEmpty()) {
      redis.opsForSet().add(keys.get(1), snapshot.hates().toArray(String[]::new)).block();
    }
    Map<String, String> generation = new LinkedHashMap<>(snapshot.generation());
    generation.put("server", "0".repeat(40));
    redis.opsForHash().putAll(keys.get(2), generation).block();
  }

  private Map<String, String> generation(String snack) {
    return redis
        .<String, String>opsForHash()
        .entries(ReactionCache.generationKey(snack))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .block();
  }

  private String generationServer(String snack) {
    return generation(snack).get("server");
  }

  private String runId() {
    return redis
        .getConnectionFactory()
        .getReactiveConnection()
        .serverCommands()
        .info("server")
        .map(info -> info.getProperty("run_id"))
        .block();
  }
}
