package com.snackmanager.events.catalog;

import java.time.Instant;

/** A snack was retired: it stays visible but cannot be put in new orders. */
public record SnackRetired(String snackUid, long retiredBy, Instant retiredAt)
    implements CatalogEvent {

  public static final String TYPE = "snack.retired";
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
