package com.snackmanager.reaction.reactions.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.reaction.reactions.domain.Position;
import com.snackmanager.reaction.reactions.domain.Reaction;
import com.snackmanager.reaction.reactions.domain.ReactionCounts;
import com.snackmanager.reaction.reactions.store.ReactionChange.MemberKey;
import com.snackmanager.reaction.reactions.store.ReactionRows.Plan;
import com.snackmanager.reaction.reactions.store.ReactionRows.Stored;
import com.snackmanager.reaction.reactions.store.ReactionRows.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReactionRowsTest {

  private static final String SNACK = "sn_1";
  private static final MemberKey ADA = new MemberKey(SNACK, 1);
  private static final MemberKey BOB = new MemberKey(SNACK, 2);

  private static ReactionChange change(
      MemberKey key, Reaction previous, Reaction current, long epoch, long seq) {
    return new ReactionChange(
        key.snackUid(),
        key.memberId(),
        previous,
        current,
        new Position(epoch, seq),
        new ReactionCounts(0, 0),
        Instant.EPOCH,
        Map.of());
  }

  @Test
  void aFirstReactionCreatesTheRowAndOneTransition() {
    ReactionChange like = change(ADA, null, Reaction.LIKE, 1, 1);
    Plan plan = ReactionRows.plan(Map.of(), List.of(like));
    assertThat(plan.rows())
        .containsExactly(Map.entry(ADA, new Stored(Reaction.LIKE, new Position(1, 1))));
    assertThat(plan.transitions()).containsExactly(new Transition(like, null));
  }

  @Test
  void changesOfOneMemberApplyInPositionOrderWhateverTheirArrival() {
    ReactionChange like = change(ADA, null, Reaction.LIKE, 1, 5);
    ReactionChange hate = change(ADA, Reaction.LIKE, Reaction.HATE, 1, 6);
    ReactionChange withdraw = change(ADA, Reaction.HATE, null, 2, 1);
    Plan plan = ReactionRows.plan(Map.of(), List.of(withdraw, hate, like));
    assertThat(plan.rows()).containsExactly(Map.entry(ADA, new Stored(null, new Position(2, 1))));
    assertThat(plan.transitions())
        .containsExactly(
            new Transition(like, null),
            new Transition(hate, Reaction.LIKE),
            new Transition(withdraw, Reaction.HATE));
  }

  @Test
  void aChangeOlderThanTheStoredRowIsSupersededAndWritesNothing() {
    Map<MemberKey, Stored> stored = Map.of(ADA, new Stored(Reaction.HATE, new Position(1, 9)));
    Plan plan = ReactionRows.plan(stored, List.of(change(ADA, null, Reaction.LIKE, 1, 8)));
    assertThat(plan.rows()).isEmpty();
    assertThat(plan.transitions()).isEmpty();
  }

  @Test
  void theTransitionCarriesTheStoredPreviousReactionNotTheCachedOne() {
    // the cache believed Bob liked the snack (a write that later failed); the row says none
    Map<MemberKey, Stored> stored = Map.of(BOB, new Stored(null, new Position(1, 2)));
    ReactionChange hate = change(BOB, Reaction.LIKE, Reaction.HATE, 1, 3);
    Plan plan = ReactionRows.plan(stored, List.of(hate));
    assertThat(plan.transitions()).containsExactly(new Transition(hate, null));
  }

  @Test
  void aChangeToTheStoredReactionMovesThePositionWithoutAnEvent() {
    Map<MemberKey, Stored> stored = Map.of(BOB, new Stored(Reaction.LIKE, new Position(1, 2)));
    Plan plan = ReactionRows.plan(stored, List.of(change(BOB, null, Reaction.LIKE, 2, 1)));
    assertThat(plan.rows())
        .containsExactly(Map.entry(BOB, new Stored(Reaction.LIKE, new Position(2, 1))));
    assertThat(plan.transitions()).isEmpty();
  }

  @Test
  void aLaterEpochRanksAboveAnyEarlierSequenceNumber() {
    assertThat(new Position(2, 1).isAfter(new Position(1, 1_000_000))).isTrue();
    assertThat(new Position(1, 2).isAfter(new Position(1, 1))).isTrue();
    assertThat(new Position(1, 1).isAfter(new Position(1, 1))).isFalse();
    assertThat(new Position(1, 1).isAfter(Position.NONE)).isTrue();
  }
}
