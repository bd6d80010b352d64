package com.snackmanager.order.orders;

import com.snackmanager.defaults.domain.RuleViolation;
import com.snackmanager.events.orders.OrderStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The strict status flow of an order, as a transition table:
 *
 * <pre>
 * CREATED --approve--> APPROVED --order--> ORDERED --ship--> SHIPPING --complete--> COMPLETED
 * CREATED --cancel--> CANCELLED        APPROVED --cancel--> CANCELLED
 * </pre>
 *
 * Nothing else: no skipping, no going back, no staying (a status "changed" to itself). Moving to
 * {@code ORDERED} or {@code SHIPPING} needs an estimated arrival time that is not in the past (the
 * new one replaces the old); other moves take none. Moving to {@code APPROVED} or {@code ORDERED}
 * is refused while a snack of the order is hated.
 */
public final class StatusFlow {

  public static final String ARRIVAL_FIELD = "estimated_arrival_time";

  private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

  static {
    NEXT.put(OrderStatus.CREATED, EnumSet.of(OrderStatus.APPROVED, OrderStatus.CANCELLED));
    NEXT.put(OrderStatus.APPROVED, EnumSet.of(OrderStatus.ORDERED, OrderStatus.CANCELLED));
    NEXT.put(OrderStatus.ORDERED, EnumSet.of(OrderStatus.SHIPPING));
    NEXT.put(OrderStatus.SHIPPING, EnumSet.of(OrderStatus.COMPLETED));
    NEXT.put(OrderStatus.COMPLETED, EnumSet.noneOf(OrderStatus.class));
    NEXT.put(OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class));
  }

  private static final Set<OrderStatus> NEED_ARRIVAL =
      EnumSet.of(OrderStatus.ORDERED, OrderStatus.SHIPPING);
  private static final Set<OrderStatus> NEED_NO_HATED =
      EnumSet.of(OrderStatus.APPROVED, OrderStatus.ORDERED);

  private StatusFlow() {}

  /** Whether an order may move from {@code from} to {@code to}. */
  public static boolean allows(OrderStatus from, OrderStatus to) {
    return NEXT.get(from).contains(to);
  }

  /** Whether a move to {@code to} sets the estimated arrival time (and requires one). */
  public static boolean takesArrival(OrderStatus to) {
    return NEED_ARRIVAL.contains(to);
  }

  /** Whether the move to {@code to} requires that no snack of the order is hated. */
  public static boolean checksHatedSnacks(OrderStatus to) {
    return NEED_NO_HATED.contains(to);
  }

  public static String illegalMessage(OrderStatus from, OrderStatus to) {
    return "Cannot change status from " + from + " to " + to + ".";
  }

  /**
   * @throws RuleViolation a 400 naming both states if the flow has no such move
   */
  public static void checkTransition(OrderStatus from, OrderStatus to) {
    if (!allows(from, to)) {
      throw RuleViolation.ofField("status", illegalMessage(from, to));
    }
  }

  /**
   * Checks the estimated arrival time sent with a move to {@code to}.
   *
   * @param requested the time sent, or null
   * @param current the order's estimated arrival time before the move, or null
   * @return the order's estimated arrival time after the move
   * @throws RuleViolation a 400 if it is missing where required, in the past, or sent where the
   *     move takes none
   */
  public static Instant checkArrival(
      OrderStatus to, Instant requested, Instant current, Instant now) {
    if (!NEED_ARRIVAL.contains(to)) {
      if (requested != null) {
        throw RuleViolation.ofField(
            ARRIVAL_FIELD,
            ARRIVAL_FIELD
                + " is accepted only when moving to ORDERED or SHIPPING, not to "
                + to
                + ".");
      }
      return current;
    }
    if (requested == null) {
      throw RuleViolation.ofField(
          ARRIVAL_FIELD, ARRIVAL_FIELD + " is required when moving to " + to + ".");
    }
    if (requested.isBefore(now)) {
      throw RuleViolation.ofField(ARRIVAL_FIELD, ARRIVAL_FIELD + " must not be in the past.");
    }
    return requested;
  }

  /**
   * @param hatedSnacks names of the order's snacks that are hated right now
   * @throws RuleViolation a 400 naming the hated snacks if the move to {@code to} forbids them
   */
  public static void checkHatedSnacks(OrderStatus to, Collection<String> hatedSnacks) {
    if (checksHatedSnacks(to) && !hatedSnacks.isEmpty()) {
      throw new RuleViolation(
          "Cannot change status to "
              + to
              + " while a snack in the order is hated: "
              + String.join(", ", hatedSnacks)
              + ".");
    }
  }

  /**
   * Every rule of one move, in the order a client should learn about them: the move itself, then
   * the arrival time, then the hated snacks.
   *
   * @return the order's estimated arrival time after the move
   */
  public static Instant check(
      OrderStatus from,
      OrderStatus to,
      Instant requestedArrival,
      Instant currentArrival,
      Instant now,
      Collection<String> hatedSnacks) {
    checkTransition(from, to);
    Instant arrival = checkArrival(to, requestedArrival, currentArrival, now);
    checkHatedSnacks(to, hatedSnacks);
    return arrival;
  }
}
