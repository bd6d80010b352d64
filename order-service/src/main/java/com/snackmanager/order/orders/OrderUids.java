package com.snackmanager.order.orders;

import java.security.SecureRandom;

/** Short opaque order ids such as {@code or_Xb3k9QpL7d}: unguessable, URL-safe, not sequential. */
final class OrderUids {

  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private OrderUids() {}

  static String next() {
    StringBuilder uid = new StringBuilder("or_");
    for (int i = 0; i < LENGTH; i++) {
      uid.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return uid.toString();
  }
}
