package com.snackmanager.events.envelope;

/** The suite's topics. The {@code .v1} suffix changes only with an incompatible envelope. */
public final class Topics {

  public static final String USERS = "snack.users.v1";
  public static final String CATALOG = "snack.catalog.v1";
  public static final String REACTIONS = "snack.reactions.v1";
  public static final String ORDERS = "snack.orders.v1";

  private static final String DEAD_LETTER_SUFFIX = ".dlt";

  private Topics() {}

  /** Where messages of {@code topic} that cannot be processed are parked, with the reason. */
  public static String deadLetter(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }
}
