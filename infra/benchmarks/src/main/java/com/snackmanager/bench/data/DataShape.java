package com.snackmanager.bench.data;

/**
 * How much data the generator makes. At scale 1.0 it is the data set: 10,000 members,
 * 100,000 snacks, 1,000,000 reactions and 100,000 orders over the last two years.
 *
 * <p>Reactions are skewed the way a real office's are: every snack gets {@link #baseReactions()} of
 * them, and every tenth snack (numbers 1, 11, 21, ...: the popular ones) shares the rest, so a
 * popular snack has about eleven times as many reactions as the others. The members reacting to one
 * snack are consecutive member numbers, so a snack can have at most {@link #members()} reactions.
 */
public record DataShape(int members, int snacks, int reactions, int orders) {

  /** Snack numbers are six digits inside the uid ({@code sn_bnch000001}). */
  static final int MAX_NUMBER = 999_999;

  public DataShape {
    if (members < 10 || snacks < 30 || reactions < 0 || orders < 0) {
      throw new IllegalArgumentException(
          "A data shape needs at least 10 members and 30 snacks: " + this);
    }
    if (snacks > MAX_NUMBER || orders > MAX_NUMBER) {
      throw new IllegalArgumentException("At most " + MAX_NUMBER + " snacks and orders: " + this);
    }
    int busiest = maxReactionsPerSnack(snacks, reactions);
    if (busiest > members) {
      throw new IllegalArgumentException(
          "Too many reactions for the members: a popular snack would need "
              + busiest
              + " reacting members, there are "
              + members);
    }
  }

  /** The data set times {@code scale}. */
  public static DataShape of(double scale) {
    return new DataShape(
        (int) Math.round(10_000 * scale),
        (int) Math.round(100_000 * scale),
        (int) Math.round(1_000_000 * scale),
        (int) Math.round(100_000 * scale));
  }

  /** Reactions every snack gets. */
  public int baseReactions() {
    return baseReactions(snacks, reactions);
  }

  /** Number of popular snacks (numbers 1, 11, 21, ...), which share the remaining reactions. */
  public int popularSnacks() {
    return popularSnacks(snacks);
  }

  private static int baseReactions(int snacks, int reactions) {
    return reactions / (2 * snacks);
  }

  private static int popularSnacks(int snacks) {
    return (snacks + 9) / 10;
  }

  private static int maxReactionsPerSnack(int snacks, int reactions) {
    int base = baseReactions(snacks, reactions);
    int popular = popularSnacks(snacks);
    int rest = reactions - base * snacks;
    return base + (rest + popular - 1) / popular;
  }
}
