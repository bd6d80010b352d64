package com.snackmanager.auth.member;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a new password must be: at least 8 characters, not all digits, not the email (nor containing
 * it, nor the part before its {@code @}), not a common password. Every broken rule is reported, in
 * the words the seed's frontend already shows.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 8;

  /** bcrypt reads only the first 72 bytes; a longer password would be silently truncated. */
  public static final int MAX_BYTES = 72;

  public static final String TOO_SHORT =
      "This password is too short. It must contain at least 8 characters.";
  public static final String TOO_LONG = "This password is too long. It must be at most 72 bytes.";
  public static final String NUMERIC = "This password is entirely numeric.";
  public static final String TOO_COMMON = "This password is too common.";
  public static final String LIKE_EMAIL = "The password is too similar to the email.";

  private final CommonPasswords common;

  public PasswordPolicy(CommonPasswords common) {
    this.common = common;
  }

  /**
   * The rules {@code password} breaks for a member signing up with {@code email}; empty if none.
   */
  public List<String> violations(String password, String email) {
    List<String> problems = new ArrayList<>();
    if (password.length() < MIN_LENGTH) {
      problems.add(TOO_SHORT);
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      problems.add(TOO_LONG);
    }
    if (!password.isEmpty() && password.chars().allMatch(Character::isDigit)) {
      problems.add(NUMERIC);
    }
    if (email != null && similarToEmail(password, email)) {
      problems.add(LIKE_EMAIL);
    }
    if (common.contains(password)) {
      problems.add(TOO_COMMON);
    }
    return problems;
  }

  private static boolean similarToEmail(String password, String email) {
    String candidate = password.toLowerCase(Locale.ROOT);
    String address = email.trim().toLowerCase(Locale.ROOT);
    if (address.isEmpty()) {
      return false;
    }
    int at = address.indexOf('@');
    String local = at > 0 ? address.substring(0, at) : address;
    return candidate.contains(address) || candidate.equals(local);
  }
}
