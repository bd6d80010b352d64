package com.snackmanager.deployment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Container image references: is this one pinned? */
final class Images {

  private static final Pattern DEFAULTED_VARIABLE =
      Pattern.compile("\\$\\{[A-Za-z0-9_]+:?-([^}]*)}");

  private Images() {}

  /** {@code name:${TAG:-1.0}} → {@code name:1.0}: compose's value when the variable is unset. */
  static String withDefaults(String reference) {
    Matcher matcher = DEFAULTED_VARIABLE.matcher(reference);
    return matcher.replaceAll(result -> Matcher.quoteReplacement(result.group(1)));
  }

  /** The tag of an image reference, or null when it has none (which means "latest"). */
  static String tag(String reference) {
    String withoutDigest =
        reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
    String lastSegment = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
    int colon = lastSegment.indexOf(':');
    return colon < 0 ? null : lastSegment.substring(colon + 1);
  }

  /** Pinned: a digest, or an explicit tag that is not "latest". */
  static boolean isPinned(String reference) {
    if (reference == null || reference.isBlank() || reference.contains("${")) {
      return false;
    }
    if (reference.contains("@sha256:")) {
      return true;
    }
    String tag = tag(reference);
    return tag != null && !tag.isBlank() && !tag.equalsIgnoreCase("latest");
  }
}
