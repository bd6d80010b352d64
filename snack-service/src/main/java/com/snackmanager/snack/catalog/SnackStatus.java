package com.snackmanager.snack.catalog;

import java.util.Locale;
import java.util.Optional;

/** A retired snack stays visible but cannot be put in new orders. */
public enum SnackStatus {
  ACTIVE,
  RETIRED;

  static final String CHOICES = "use ACTIVE or RETIRED.";

  public static Optional<SnackStatus> parse(String raw) {
    String normal = raw.strip().toUpperCase(Locale.ROOT);
    for (SnackStatus status : values()) {
      if (status.name().equals(normal)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  static String invalidChoice(String raw) {
    return "\"" + raw + "\" is not a valid choice; " + CHOICES;
  }
}
