package com.snackmanager.auth.member;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Passwords too common to accept, from {@code common-passwords.txt} on the classpath (one per line,
 * {@code #} starts a comment). Compared case-insensitively.
 */
public final class CommonPasswords {

  static final String RESOURCE = "common-passwords.txt";

  private final Set<String> passwords;

  public CommonPasswords(Set<String> passwords) {
    this.passwords =
        passwords.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  public static CommonPasswords fromClasspath() {
    try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new CommonPasswords(
          reader
              .lines()
              .map(String::trim)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .collect(Collectors.toSet()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean contains(String password) {
    return passwords.contains(password.toLowerCase(Locale.ROOT));
  }

  public int size() {
    return passwords.size();
  }
}
