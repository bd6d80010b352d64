package com.snackmanager.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Access tokens of the members the load runs as, one per line in a file the wrk scripts read (line
 * i = member i). Logged in straight at the auth-service: the gateway allows ten logins a minute per
 * client address, which would take an hour for a few hundred members.
 */
public final class Tokens {

  private static final int PARALLEL_LOGINS = 4;

  private final List<String> tokens;

  private Tokens(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  /** Logs in members 1 .. {@code count} ({@code email(i)}, all with {@code password}). */
  public static Tokens login(
      Http http, String authBase, int count, IntFunction<String> email, String password) {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_LOGINS);
    try {
      List<Future<String>> logins = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        String member = email.apply(i);
        logins.add(pool.submit(() -> http.login(authBase, member, password)));
      }
      List<String> tokens = new ArrayList<>();
      for (Future<String> login : logins) {
        tokens.add(login.get());
      }
      return new Tokens(tokens);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while logging in", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A login failed: " + e.getCause().getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Member {@code number}'s token (1-based, as in the file). */
  public String of(int number) {
    return tokens.get(number - 1);
  }

  public int size() {
    return tokens.size();
  }

  public Path write(Path file) {
    try {
      return Files.write(file, tokens);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
