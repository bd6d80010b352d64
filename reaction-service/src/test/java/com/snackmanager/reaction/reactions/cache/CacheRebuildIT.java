package com.snackmanager.reaction.reactions.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.reaction.ReactionServiceTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;

/** Redis is a cache of PostgreSQL: lost, dropped or replaced, it never serves wrong counts. */
class CacheRebuildIT extends ReactionServiceTest {

  /** A member whose rows the test trigger refuses: every write of theirs fails in PostgreSQL. */
  private static final long REFUSED_MEMBER = 987_654_321L;

  @Autowired ReactionCacheLoader loader;
  @Autowired ReactionCacheWarmUp warmUp;

  @Test
  void afterARedisFlushCountsAndMembershipsComeBackFromPostgres() {
    String snack = newSnack();
    String other = newSnack();
    List<Long> likers = LongStream.range(0, 3).mapToObj(i -> newMember()).toList();
    List<Long> haters = LongStream.range(0, 2).mapToObj(i -> newMember()).toList();
    likers.forEach(m -> react(snack, m, "LIKE").expectStatus().isOk());
    haters.forEach(m -> react(snack, m, "HATE").expectStatus().isOk());
    react(other, likers.get(0), "HATE").expectStatus().isOk();

    flushRedis();

    assertThat(body(mine(snack, likers.get(0)), HttpStatus.OK))
        .containsEntry("my_reaction", "LIKE")
        .containsEntry("like_reaction_count", 3)
        .containsEntry("hate_reaction_count", 2)
        .containsEntry("like_ratio", 1.5);
    expectProblem(
        react(snack, likers.get(1), "LIKE"), HttpStatus.BAD_REQUEST, "Cannot add same reaction.");
    assertThat(body(react(snack, haters.get(0), "LIKE"), HttpStatus.OK))
        .containsEntry("like_reaction_count", 4)
        .containsEntry("hate_reaction_count", 1);
    // the other snack is rebuilt by its first write
    assertThat(body(withdraw(other, likers.get(0)), HttpStatus.OK))
        .containsEntry("like_reaction_count", 0)
        .containsEntry("hate_reaction_count", 0);

    assertThat(cachedCounts(snack)).isEqualTo(storedCounts(snack)).isEqualTo(new Counts(4, 1));
    assertThat(cachedCounts(other)).isEqualTo(storedCounts(other)).isEqualTo(new Counts(0, 0));
  }

  @Test
  void aFailedWriteAnswers503AndLeavesNothingHalfWritten() {
    String snack = newSnack();
    long liker = newMember();
    react(snack, liker, "LIKE").expectStatus().isOk();
    int events = outboxEvents(snack).size();
    refuseWritesOf(REFUSED_MEMBER);
    try {
      expectProblem(
          react(snack, REFUSED_MEMBER, "HATE"),
          HttpStatus.SERVICE_UNAVAILABLE,
          "Reactions are temporarily unavailable; try again shortly.");

      assertThat(storedReaction(snack, REFUSED_MEMBER)).isNull();
      assertThat(outboxEvents(snack)).hasSize(events);
      // the cache that had counted the refused change was dropped, and is rebuilt without it
      assertThat(redis.hasKey(ReactionCache.generationKey(snack)).block()).isFalse();
      assertThat(body(mine(snack, REFUSED_MEMBER), HttpStatus.OK))
          .containsEntry("my_reaction", null)
          .containsEntry("like_reaction_count", 1)
          .containsEntry("hate_reaction_count", 0);
      assertThat(cachedCounts(snack)).isEqualTo(new Counts(1, 0));
    } finally {
      db.sql("DROP TRIGGER refuse_member ON reaction").then().block();
    }
  }

  @Test
  void aChangeDecidedOnAReplacedCacheGenerationIsDecidedAgain() {
    String snack = newSnack();
    long first = newMember();
    long second = newMember();
    react(snack, first, "LIKE").expectStatus().isOk();
    long epoch = epoch(snack);
    // as if a rebuild had committed between the next decision in Redis and its write
    db.sql("UPDATE snack SET cache_epoch = cache_epoch + 1 WHERE uid = :uid")
        .bind("uid", snack)
        .then()
        .block();

    assertThat(body(react(snack, second, "HATE"), HttpStatus.OK))
        .containsEntry("like_reaction_count", 1)
        .containsEntry("hate_reaction_count", 1);

    // the stale generation was dropped and rebuilt under a higher epoch, where the change landed
    assertThat(epoch(snack)).isEqualTo(epoch + 2);
    assertThat(
            db.sql("SELECT epoch FROM reaction WHERE snack_uid = :uid AND member_id = :m")
                .bind("uid", snack)
                .bind("m", second)
                .map(row -> row.get("epoch", Long.class))
                .one()
                .block())
        .isEqualTo(epoch + 2);
    assertThat(
            redis
                .<String, String>opsForHash()
                .get(ReactionCache.generationKey(snack), "epoch")
                .block())
        .isEqualTo(Long.toString(epoch + 2));
    assertThat(cachedCounts(snack)).isEqualTo(storedCounts(snack));
    assertThat(outboxEvents(snack)).hasSize(2);
  }

  @Test
  void concurrentRebuildsOfOneSnackInstallOneGeneration() {
    String snack = newSnack();
    long member = newMember();
    react(snack, member, "LIKE").expectStatus().isOk();
    long epoch = epoch(snack);

    redis.delete(ReactionCache.generationKey(snack)).block();
    Flux.range(0, 10).flatMap(i -> loader.load(snack), 10).then().block(Duration.ofMinutes(1));
    assertThat(epoch(snack)).isEqualTo(epoch + 1);

    // a rebuild that finds a generation cached (another one won) changes nothing
    loader.load(snack).block(Duration.ofMinutes(1));
    assertThat(epoch(snack)).isEqualTo(epoch + 1);
    assertThat(cachedCounts(snack)).isEqualTo(new Counts(1, 0));
  }

  @Test
  void anUnknownSnackGetsNoCache() {
    react("sn_neverRegistered", newMember(), "LIKE").expectStatus().isNotFound();
    assertThat(redis.hasKey(ReactionCache.generationKey("sn_neverRegistered")).block()).isFalse();
  }

  @Test
  void theStartUpWarmUpCachesKnownSnacks() {
    String snack = newSnack();
    react(snack, newMember(), "HATE").expectStatus().isOk();
    flushRedis();

    warmUp.warmUp();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> redis.hasKey(ReactionCache.generationKey(snack)).block());
    assertThat(cachedCounts(snack)).isEqualTo(new Counts(0, 1));
  }

  private long epoch(String snack) {
    return db.sql("SELECT cache_epoch FROM snack WHERE uid = :uid")
        .bind("uid", snack)
        .map(row -> row.get("cache_epoch", Long.class))
        .one()
        .block();
  }

  private void refuseWritesOf(long memberId) {
    db.sql(
            "CREATE OR REPLACE FUNCTION refuse_member() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN IF NEW.member_id = "
                + memberId
                + " THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$")
        .then()
        .block();
    db.sql(
            "CREATE TRIGGER refuse_member BEFORE INSERT OR UPDATE ON reaction"
                + " FOR EACH ROW EXECUTE FUNCTION refuse_member()")
        .then()
        .block();
  }
}
