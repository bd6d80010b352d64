package com.snackmanager.reaction.reactions;

import com.snackmanager.reaction.reactions.domain.Reaction;
import com.snackmanager.reaction.reactions.domain.ReactionCounts;
import java.math.BigDecimal;

/** The member's reaction to a snack ({@code null}: none) and the snack's counts. */
public record MyReactionResponse(
    Reaction myReaction, long likeReactionCount, long hateReactionCount, BigDecimal likeRatio) {

  static MyReactionResponse of(Reaction mine, ReactionCounts counts) {
    return new MyReactionResponse(mine, counts.likes(), counts.hates(), counts.likeRatio());
  }
}
