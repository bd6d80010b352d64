package com.snackmanager.statistics.reaction;

import com.snackmanager.events.reactions.LikeRatio;
import com.snackmanager.statistics.csv.CsvRow;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snack's reactions.
 *
 * @param likeRatio the ratio every service shows ({@link LikeRatio})
 */
public record ReactionFigures(
    String snackUid,
    String name,
    long likeReactionCount,
    long hateReactionCount,
    BigDecimal likeRatio)
    implements CsvRow {

  public static final List<String> COLUMNS =
      List.of("snack_uid", "name", "like_reaction_count", "hate_reaction_count", "like_ratio");

  public static ReactionFigures of(String snackUid, String name, long likes, long hates) {
    return new ReactionFigures(snackUid, name, likes, hates, LikeRatio.of(likes, hates));
  }

  @Override
  public Map<String, Object> csvCells() {
    Map<String, Object> cells = new LinkedHashMap<>();
    cells.put("snack_uid", snackUid);
    cells.put("name", name);
    cells.put("like_reaction_count", likeReactionCount);
    cells.put("hate_reaction_count", hateReactionCount);
    cells.put("like_ratio", likeRatio);
    return cells;
  }
}
