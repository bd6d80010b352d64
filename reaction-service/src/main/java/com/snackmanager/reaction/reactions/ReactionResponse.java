package com.snackmanager.reaction.reactions;

import com.snackmanager.reaction.reactions.domain.Reaction;
import com.snackmanager.reaction.reactions.domain.ReactionCounts;
import java.math.BigDecimal;

/**
 * The answer to setting, switching or withdrawing a reaction: the member's reaction now ({@code
 * null} after a withdrawal) and the snack's counts including this change.
 */
public record ReactionResponse(
    String snackUid,
    Reaction type,
    long likeReactionCount,
    long hateReactionCount,
    BigDecimal likeRatio) {

  static ReactionResponse of(String snackUid, Reaction type, ReactionCounts counts) {
    return new ReactionResponse(snackUid, type, counts.likes(), counts.hates(), counts.likeRatio());
  }
}
