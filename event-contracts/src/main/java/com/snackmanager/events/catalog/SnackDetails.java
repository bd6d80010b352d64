package com.snackmanager.events.catalog;

import java.math.BigDecimal;

/**
 * What a registration and an edit both say of a snack: its whole state as of the event, so a
 * projection treats the two alike.
 */
public interface SnackDetails {

  String snackUid();

  String name();

  String url();

  String desc();

  String imageUrl();

  String currency();

  BigDecimal price();

  /** {@code ACTIVE} or {@code RETIRED}. */
  String status();
}
