package com.snackmanager.runner;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the runner started (Kafka, redis-server, a service): its output goes to its own log
 * file, and it is stopped with SIGTERM, then SIGKILL if it does not end in time.
 */
final class ChildProcess {

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} with stdout and stderr appended to {@code log}; {@code env} is added to
   * the runner's environment (without the database admin credentials, which children never need).
   */
  static ChildProcess start(
      String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("SNACK_DB_"));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    try {
      return new ChildProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start " + name + ": " + e.getMessage(), e);
    }
  }

  /** Runs a short command to completion (its output appended to {@code log}). */
  static void run(String name, List<String> command, Path workDir, Path log, Duration timeout) {
    ChildProcess child = start(name, command, Map.of(), workDir, log);
    try {
      if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        child.process.destroyForcibly();
        throw new IllegalStateException(name + " did not finish within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.process.destroyForcibly();
      throw new IllegalStateException(name + " was interrupted", e);
    }
    if (child.process.exitValue() != 0) {
      throw new IllegalStateException(
          name + " failed (exit " + child.process.exitValue() + "):\n" + child.tail(20));
    }
  }

  /** Moves last run's log aside ({@code x.log} to {@code x.log.1}) so each run starts clean. */
  static Path freshLog(Path log) {
    try {
      Files.createDirectories(log.getParent());
      if (Files.exists(log)) {
        Files.move(
            log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
      }
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Process process() {
    return process;
  }

  /** Waits up to {@code time} for the process to end; {@code true} if it has. */
  boolean waitForExit(Duration time) {
    try {
      return process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /** SIGTERM, up to {@code grace} to finish, then SIGKILL. */
  void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitForExit(grace)) {
      Log.info(name + " did not stop within " + grace.toSeconds() + " s: killing it");
      process.destroyForcibly();
      waitForExit(Duration.ofSeconds(10));
    }
  }

  /** The last {@code lines} lines of the log (reads at most the last 64 KiB). */
  String tail(int lines) {
    return tail(log, lines);
  }

  static String tail(Path file, int lines) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - 65_536);
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + file + ")";
    }
  }
}
