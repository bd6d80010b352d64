package com.snackmanager.bench.wrk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code wrk} with one of the benchmark's Lua scripts ({@code src/main/resources/wrk}, copied
 * to a folder of their own at start) and reads what the script's {@code done()} printed. Every
 * run's full output is kept in the results folder as {@code <name>.txt}, its JSON line as {@code
 * <name>.json}.
 */
public final class Wrk {

  static final String[] SCRIPTS = {"common.lua", "reactions.lua", "get.lua", "orders.lua"};
  static final String JSON_PREFIX = "BENCH_JSON ";

  /** Longer than any request should take; a slower one is counted as a timeout error. */
  static final String TIMEOUT = "10s";

  private final Path scripts;
  private final Path results;
  private final int threads;
  private final int connections;
  private final JsonMapper json = JsonMapper.builder().build();

  public Wrk(Path workDir, Path results, int threads, int connections) {
    this.scripts = copyScripts(workDir);
    this.results = results;
    this.threads = threads;
    this.connections = connections;
  }

  public int threads() {
    return threads;
  }

  /** Connections per wrk thread (wrk gives each thread connections / threads). */
  public int connectionsPerThread() {
    return connections / threads;
  }

  /** Runs {@code script} against {@code baseUrl} for {@code duration} and waits for it. */
  public WrkResult run(
      String name, String baseUrl, String script, Duration duration, String... args) {
    return finish(start(name, baseUrl, script, duration, args));
  }

  /** Starts a run in the background; {@link #stop} ends it early, {@link #finish} reads it. */
  public Running start(
      String name, String baseUrl, String script, Duration duration, String... args) {
    List<String> command = new ArrayList<>();
    command.add("wrk");
    command.add("-t" + threads);
    command.add("-c" + connections);
    command.add("-d" + Math.max(1, duration.toSeconds()) + "s");
    command.add("--timeout");
    command.add(TIMEOUT);
    command.add("--latency");
    command.add("-s");
    command.add(scripts.resolve(script).toString());
    command.add(baseUrl);
    command.add("--");
    command.addAll(List.of(args));
    Path output = results.resolve(name + ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      return new Running(name, process, output, duration);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start wrk (is it installed?)", e);
    }
  }

  /** A wrk run in progress. */
  public record Running(String name, Process process, Path output, Duration duration) {}

  /** Ends a run before its duration, as Ctrl-C would: wrk still prints its results. */
  public void stop(Running running) {
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(running.process().pid()))
          .inheritIO()
          .start()
          .waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public WrkResult finish(Running running) {
    try {
      long limit = running.duration().toSeconds() + 60;
      if (!running.process().waitFor(limit, TimeUnit.SECONDS)) {
        running.process().destroyForcibly();
        throw new IllegalStateException("wrk run " + running.name() + " did not end in time");
      }
      String output = Files.readString(running.output());
      String line =
          output
              .lines()
              .filter(text -> text.startsWith(JSON_PREFIX))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "wrk run "
                              + running.name()
                              + " printed no result (exit "
                              + running.process().exitValue()
                              + "):\n"
                              + output));
      String result = line.substring(JSON_PREFIX.length());
      Files.writeString(results.resolve(running.name() + ".json"), result + "\n");
      return WrkResult.parse(running.name(), json.readTree(result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Path copyScripts(Path workDir) {
    try {
      Path dir = Files.createDirectories(workDir.resolve("wrk"));
      for (String script : SCRIPTS) {
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + script)) {
          if (in == null) {
            throw new IllegalStateException(script + " is missing from the benchmark jar");
          }
          Files.write(dir.resolve(script), in.readAllBytes());
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
