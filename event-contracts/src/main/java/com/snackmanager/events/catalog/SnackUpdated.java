package com.snackmanager.events.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** An admin edited a snack; the full snack after the edit (consumers replace their copy). */
public record SnackUpdated(
    String snackUid,
    String name,
    String url,
    String desc,
    String imageUrl,
    String currency,
    BigDecimal price,
    String status,
    long updatedBy,
    Instant updatedAt)
    implements CatalogEvent, SnackDetails {

  public static final String TYPE = "snack.updated";
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
