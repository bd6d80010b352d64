package com.snackmanager.events.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member registered a snack; the full snack as registered ({@code imageUrl} null without an
 * image).
 */
public record SnackRegistered(
    String snackUid,
    String name,
    String url,
    String desc,
    String imageUrl,
    String currency,
    BigDecimal price,
    String status,
    long registeredBy,
    Instant registeredAt)
    implements CatalogEvent, SnackDetails {

  public static final String TYPE = "snack.registered";
  public static final int VERSION = 1;

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public int eventVersion() {
    return VERSION;
  }
}
