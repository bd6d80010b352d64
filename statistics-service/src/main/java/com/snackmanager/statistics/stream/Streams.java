package com.snackmanager.statistics.stream;

import com.snackmanager.events.envelope.Topics;
import java.util.List;

/**
 * The topics the statistics consume and their listener container ids. The consumer group is the
 * service's name ({@code spring.application.name}), as in every service.
 */
public final class Streams {

  public static final String ORDERS_LISTENER = "statistics-orders";
  public static final String REACTIONS_LISTENER = "statistics-reactions";
  public static final String CATALOG_LISTENER = "statistics-catalog";

  public static final List<String> TOPICS =
      List.of(Topics.ORDERS, Topics.REACTIONS, Topics.CATALOG);
  public static final List<String> LISTENERS =
      List.of(ORDERS_LISTENER, REACTIONS_LISTENER, CATALOG_LISTENER);

  private Streams() {}
}
