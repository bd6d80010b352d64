package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.reactions.ReactionChanged;
import com.snackmanager.snack.SnackServiceTest;
import com.snackmanager.snack.reaction.ReactionProjection;
import com.snackmanager.snack.web.JsonInput;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Counts kept for a snack uid before the snack is known are folded in when it is registered. */
class PendingReactionsIT extends SnackServiceTest {

  @Autowired SnackService service;
  @Autowired ReactionProjection projection;
  @Autowired EventCodec codec;
  @Autowired ReactiveTransactionManager transactions;

  @Test
  void aSnackRegisteredWithAUidThatHadReactionsStartsWithThem() {
    String uid = "sn_pd" + unique();
    for (int member = 1; member <= 3; member++) {
      projection
          .apply(
              codec.wrap(
                  new ReactionChanged(
                      uid, member, null, member < 3 ? "LIKE" : "HATE", 0, 0, Instant.now())))
          .block();
    }
    assertThat(count("SELECT count(*) FROM pending_reaction_count WHERE snack_uid = $1", uid))
        .isOne();

    SnackState state =
        SnackRules.registration(
            JsonInput.parse(
                "{\"name\": \"복원된 과자 "
                    + unique()
                    + "\", \"url\": \"https://example.com\","
                    + " \"currency\": \"KRW\", \"price\": 1000}"));
    Snack snack =
        service
            .create(() -> uid, state, null, 7)
            .as(TransactionalOperator.create(transactions)::transactional)
            .block();

    assertThat(snack.likeReactionCount()).isEqualTo(2);
    assertThat(snack.hateReactionCount()).isEqualTo(1);
    assertThat(snack.likeRatio()).isEqualByComparingTo("2");
    assertThat(count("SELECT count(*) FROM pending_reaction_count WHERE snack_uid = $1", uid))
        .isZero();

    // from now on its reactions go straight to the snack
    projection
        .apply(codec.wrap(new ReactionChanged(uid, 9, null, "LIKE", 0, 0, Instant.now())))
        .block();
    assertThat(count("SELECT like_reaction_count FROM snack WHERE uid = $1", uid)).isEqualTo(3);
  }
}
