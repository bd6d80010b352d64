package com.snackmanager.reaction.reactions.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.reaction.ReactionServiceTest;
import com.snackmanager.reaction.reactions.domain.Position;
import com.snackmanager.reaction.reactions.domain.Reaction;
import com.snackmanager.reaction.reactions.domain.ReactionCounts;
import com.snackmanager.reaction.reactions.store.ReactionWriter.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch as the group commit writes it, on the real database: which changes are stale, which rows
 * they leave and which events they append.
 */
class ReactionWriterIT extends ReactionServiceTest {

  @Autowired ReactionWriter writer;

  @Test
  void changesOfAnUnknownSnackOrOfAReplacedCacheAreStaleAndWriteNothing() {
    String snack = newSnack();
    long epoch = cacheEpoch(snack);
    long member = newMember();

    List<Outcome> outcomes =
        writer
            .writeBatch(
                List.of(
                    change("sn_unknown", member, null, Reaction.LIKE, new Position(0, 1)),
                    change(snack, member, null, Reaction.LIKE, new Position(epoch + 1, 1))))
            .block();

    assertThat(outcomes).containsExactly(Outcome.STALE, Outcome.STALE);
    assertThat(rowCount("sn_unknown", member)).isZero();
    assertThat(storedReaction(snack, member)).isNull();
    assertThat(outboxEvents(snack)).isEmpty();
  }

  @Test
  void aBatchLandsInPositionOrderWithAnEventPerRealChange() {
    String snack = newSnack();
    long epoch = cacheEpoch(snack);
    long member = newMember();
    long other = newMember();

    List<Outcome> outcomes =
        writer
            .writeBatch(
                List.of(
                    change(snack, member, Reaction.LIKE, Reaction.HATE, new Position(epoch, 2)),
                    change(snack, member, null, Reaction.LIKE, new Position(epoch, 1)),
                    change(snack, other, null, Reaction.LIKE, new Position(epoch, 3))))
            .block();

    assertThat(outcomes).containsOnly(Outcome.WRITTEN).hasSize(3);
    assertThat(storedReaction(snack, member)).isEqualTo("HATE");
    assertThat(storedReaction(snack, other)).isEqualTo("LIKE");
    assertThat(events(snack))
        .containsExactly(
            "%d: - -> LIKE".formatted(member),
            "%d: LIKE -> HATE".formatted(member),
            "%d: - -> LIKE".formatted(other));
  }

  @Test
  void anOlderChangeIsSupersededAndANewerOneWithTheSameReactionAppendsNoEvent() {
    String snack = newSnack();
    long epoch = cacheEpoch(snack);
    long member = newMember();

    writer
        .writeBatch(List.of(change(snack, member, null, Reaction.LIKE, new Position(epoch, 5))))
        .block();
    // decided before the stored one, committed after it: the stored one stays
    assertThat(
            writer
                .writeBatch(
                    List.of(
                        change(
                            snack, member, Reaction.LIKE, Reaction.HATE, new Position(epoch, 4))))
                .block())
        .containsExactly(Outcome.WRITTEN);
    assertThat(storedReaction(snack, member)).isEqualTo("LIKE");
    // newer, same reaction: the row moves to its position, no event (nothing changed)
    writer
        .writeBatch(
            List.of(change(snack, member, Reaction.HATE, Reaction.LIKE, new Position(epoch, 6))))
        .block();

    assertThat(storedPosition(snack, member)).isEqualTo(new Position(epoch, 6));
    assertThat(events(snack)).containsExactly("%d: - -> LIKE".formatted(member));
  }

  @Test
  void theServicesConnectionsUseGenericPlans() {
    // set for this service (application.yml); the defaults leave PostgreSQL's 'auto'
    assertThat(db.sql("SHOW plan_cache_mode").map(row -> row.get(0, String.class)).one().block())
        .isEqualTo("force_generic_plan");
  }

  private static ReactionChange change(
      String snack, long member, Reaction previous, Reaction current, Position position) {
    return new ReactionChange(
        snack,
        member,
        previous,
        current,
        position,
        new ReactionCounts(1, 0),
        Instant.now(),
        Map.of());
  }

  private long cacheEpoch(String snack) {
    return db.sql("SELECT cache_epoch FROM snack WHERE uid = :uid")
        .bind("uid", snack)
        .map(row -> row.get("cache_epoch", Long.class))
        .one()
        .block();
  }

  private long rowCount(String snack, long member) {
    return db.sql("SELECT count(*) AS n FROM reaction WHERE snack_uid = :uid AND member_id = :m")
        .bind("uid", snack)
        .bind("m", member)
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }

  private Position storedPosition(String snack, long member) {
    return db.sql("SELECT epoch, seq FROM reaction WHERE snack_uid = :uid AND member_id = :m")
        .bind("uid", snack)
        .bind("m", member)
        .map(row -> new Position(row.get("epoch", Long.class), row.get("seq", Long.class)))
        .one()
        .block();
  }

  private List<String> events(String snack) {
    return outboxEvents(snack).stream()
        .map(JsonMapper.shared()::readTree)
        .map(envelope -> envelope.get("payload"))
        .map(
            (JsonNode payload) ->
                payload.get("member_id").asLong()
                    + ": "
                    + payload.get("previous").asString("-")
                    + " -> "
                    + payload.get("current").asString("-"))
        .toList();
  }
}
