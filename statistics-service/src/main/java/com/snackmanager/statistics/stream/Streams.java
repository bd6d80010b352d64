package com.snackmanager.statistics.stream;

import com.snackmanager.events.envelope.Topics;
import java.util.List;

/** The topics the statistics consume, their consumer group and listener container ids. */
public final class Streams {

  /** The consumer group of every statistics listener. */
  public static final String GROUP = "statistics-service";

  public static final String ORDERS_LISTENER = "statistics-orders";
  public static final String REACTIONS_LISTENER = "statistics-reactions";
  public static final String CATALOG_LISTENER = "statistics-catalog";

  public static final List<String> TOPICS =
      List.of(Topics.ORDERS, Topics.REACTIONS, Topics.CATALOG);
  public static final List<String> LISTENERS =
      List.of(ORDERS_LISTENER, REACTIONS_LISTENER, CATALOG_LISTENER);

  private Streams() {}
}
