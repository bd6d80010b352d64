package com.snackmanager.snack.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of the {@code snack} table. */
public record Snack(
    long id,
    String uid,
    SnackState state,
    boolean hasImage,
    long likeReactionCount,
    long hateReactionCount,
    BigDecimal likeRatio,
    long version,
    long registeredBy,
    Instant createdAt,
    Instant updatedAt) {

  /** Where the picture is served, or {@code null} without one. */
  public String imageUrl() {
    return hasImage ? imagePath(uid) : null;
  }

  public static String imagePath(String uid) {
    return "/snacks/" + uid + "/image";
  }
}
