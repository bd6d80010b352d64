package com.snackmanager.snack.catalog;

import com.snackmanager.events.reactions.LikeRatio;
import java.math.BigDecimal;
import java.time.Instant;

/** A snack as the API shows it (the seed's fields, snake_case on the wire). */
public record SnackView(
    String uid,
    String name,
    String url,
    String desc,
    String image,
    String currency,
    BigDecimal price,
    String status,
    long likeReactionCount,
    long hateReactionCount,
    BigDecimal likeRatio,
    Instant createdAt,
    Instant updatedAt) {

  public static SnackView of(Snack snack) {
    SnackState state = snack.state();
    return new SnackView(
        snack.uid(),
        state.name().display(),
        state.url(),
        state.desc(),
        snack.imageUrl(),
        state.currency().name(),
        state.price(),
        state.status().name(),
        snack.likeReactionCount(),
        snack.hateReactionCount(),
        LikeRatio.of(snack.likeReactionCount(), snack.hateReactionCount()),
        snack.createdAt(),
        snack.updatedAt());
  }
}
