package com.snackmanager.auth.member;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The login id: a plain internet address ({@code local@domain.tld}), at most 254 characters. */
public final class EmailAddress {

  public static final String INVALID = "Enter a valid email address.";
  public static final int MAX_LENGTH = 254;
  public static final String TOO_LONG =
      "Ensure this field has no more than " + MAX_LENGTH + " characters.";

  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern DOMAIN =
      Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

  private EmailAddress() {}

  /**
   * The address in its stored form (trimmed, domain in lower case — the local part is kept as
   * typed), or empty when it is not a valid address.
   */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String email = raw.trim();
    int at = email.lastIndexOf('@');
    if (email.length() > MAX_LENGTH || at < 1 || at > 64 || at == email.length() - 1) {
      return Optional.empty();
    }
    String local = email.substring(0, at);
    String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
    if (!LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
      return Optional.empty();
    }
    return Optional.of(local + "@" + domain);
  }

  /** The form sign-ins and their throttling compare: trimmed and in lower case. */
  public static String loginKey(String raw) {
    return raw.trim().toLowerCase(Locale.ROOT);
  }
}
