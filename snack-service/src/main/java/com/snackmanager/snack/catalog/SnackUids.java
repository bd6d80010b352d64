package com.snackmanager.snack.catalog;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Snack uids: {@code sn_} and ten random base62 characters (about 59 bits), short enough for a URL
 * and opaque (they reveal neither order nor count).
 */
public final class SnackUids {

  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int LENGTH = 10;
  private static final Pattern FORMAT = Pattern.compile("sn_[0-9A-Za-z]{" + LENGTH + "}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private SnackUids() {}

  public static String next() {
    StringBuilder uid = new StringBuilder("sn_");
    for (int i = 0; i < LENGTH; i++) {
      uid.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return uid.toString();
  }

  /** Whether {@code text} could be a uid of ours (anything else names no snack). */
  public static boolean isWellFormed(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }
}
