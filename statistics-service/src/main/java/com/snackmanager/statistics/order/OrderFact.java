package com.snackmanager.statistics.order;

import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.statistics.order.OrderChange.Placed;
import com.snackmanager.statistics.order.OrderChange.Revised;
import com.snackmanager.statistics.order.OrderChange.StatusChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the statistics know of one order. Applying a change is commutative in what matters, so the
 * fact ends the same whatever order its events arrive in (they normally arrive in order, on the
 * order's partition, but redeliveries and replays must not depend on it):
 *
 * <ul>
 *   <li>the status is the furthest one seen ({@link OrderStatus#furthest});
 *   <li>the lines are the newest list seen: a placement's lines date from {@code created_at}, a
 *       revision's from {@code revised_at}, and at equal times a revision wins;
 *   <li>owner and creation time come from the placement; an order first seen through another event
 *       (which repeats {@code created_at}) is counted at once with no owner and no lines, and gets
 *       them when its placement arrives.
 * </ul>
 *
 * @param localDate the creation day in the business time zone: the day whose buckets hold the order
 * @param placed whether the {@code order.placed} event has been seen
 * @param linesAt when the current lines were decided, null while none are known
 * @param linesRevised whether the current lines came from a revision
 */
public record OrderFact(
    String uid,
    Long ownerId,
    String ownerEmail,
    OrderStatus status,
    Instant createdAt,
    LocalDate localDate,
    boolean placed,
    Instant linesAt,
    boolean linesRevised,
    List<FactLine> lines) {

  public OrderFact {
    lines = List.copyOf(lines);
  }

  /** The fact of an order seen for the first time, through {@code change}. */
  public static OrderFact first(OrderChange change, ZoneId zone) {
    Instant created = change.createdAt();
    return new OrderFact(
            change.orderUid(),
            null,
            null,
            OrderStatus.CREATED,
            created,
            localDate(created, zone),
            false,
            null,
            false,
            List.of())
        .apply(change, zone);
  }

  /** This fact after {@code change}. */
  public OrderFact apply(OrderChange change, ZoneId zone) {
    if (change instanceof Placed placement) {
      boolean newer = newerLines(placement.createdAt(), false);
      return new OrderFact(
          uid,
          placement.ownerId(),
          placement.ownerEmail(),
          status.furthest(placement.status()),
          placement.createdAt(),
          localDate(placement.createdAt(), zone),
          true,
          newer ? placement.createdAt() : linesAt,
          !newer && linesRevised,
          newer ? placement.lines() : lines);
    }
    if (change instanceof Revised revision) {
      if (!newerLines(revision.revisedAt(), true)) {
        return this;
      }
      return new OrderFact(
          uid,
          ownerId,
          ownerEmail,
          status,
          createdAt,
          localDate,
          placed,
          revision.revisedAt(),
          true,
          revision.lines());
    }
    StatusChanged move = (StatusChanged) change;
    return new OrderFact(
        uid,
        ownerId,
        ownerEmail,
        status.furthest(move.to()),
        createdAt,
        localDate,
        placed,
        linesAt,
        linesRevised,
        lines);
  }

  /** Snack quantity of all lines (whatever the status). */
  public long quantity() {
    return lines.stream().mapToLong(FactLine::quantity).sum();
  }

  private boolean newerLines(Instant decidedAt, boolean revision) {
    return linesAt == null || decidedAt.isAfter(linesAt) || (revision && decidedAt.equals(linesAt));
  }

  private static LocalDate localDate(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toLocalDate();
  }
}
