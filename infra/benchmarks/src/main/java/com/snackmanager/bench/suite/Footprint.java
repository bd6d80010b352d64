package com.snackmanager.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measurement 7: how long each service took from its process start to "started" and how much memory
 * every process of the suite holds, read from what the runner leaves in its state folder ({@code
 * pids}: one {@code name pid address} line per process; {@code logs/<name>.log}) and from {@code
 * /proc}.
 *
 * <p>Start-up is Spring Boot's own "process running for N seconds" (JVM start to application
 * ready); the runner's readiness probe answers within its one-second poll after that. Memory is
 * {@code VmRSS} per process; PostgreSQL is a postmaster plus one process per connection that share
 * its buffers, so its row is the proportional set size (PSS) of all of them, which counts shared
 * pages once.
 */
public final class Footprint {

  /** One process of the suite. */
  public record Entry(String name, long pid, OptionalDouble startUpSeconds, long memoryKib) {}

  private static final Pattern STARTED =
      Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");

  private Footprint() {}

  /** Every process in {@code <runDir>/pids}, in start order. */
  public static List<Entry> read(Path runDir) {
    List<Entry> processes = new ArrayList<>();
    pids(runDir)
        .forEach(
            (name, pid) -> {
              long memory = name.equals("postgres") ? treePssKib(pid) : rssKib(pid);
              processes.add(
                  new Entry(
                      name, pid, startUp(runDir.resolve("logs").resolve(name + ".log")), memory));
            });
    return processes;
  }

  /**
   * The runner's {@code <runDir>/pids} ({@code name pid address} per line) as name → pid, in start
   * order; empty when the suite is not running.
   */
  public static Map<String, Long> pids(Path runDir) {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String line : lines(runDir.resolve("pids"))) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length >= 2 && fields[1].matches("\\d+")) {
        pids.put(fields[0], Long.parseLong(fields[1]));
      }
    }
    return pids;
  }

  static OptionalDouble startUp(Path log) {
    if (!Files.isRegularFile(log)) {
      return OptionalDouble.empty();
    }
    try (Stream<String> lines = Files.lines(log)) {
      return lines
          .map(STARTED::matcher)
          .filter(Matcher::find)
          .mapToDouble(matcher -> Double.parseDouble(matcher.group(1)))
          .reduce((first, later) -> later);
    } catch (IOException | UncheckedIOException e) {
      return OptionalDouble.empty();
    }
  }

  static long rssKib(long pid) {
    return field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:").orElse(0L);
  }

  static long treePssKib(long pid) {
    return ProcessHandle.of(pid)
        .map(
            root ->
                Stream.concat(Stream.of(root), root.descendants())
                    .mapToLong(
                        handle ->
                            field(
                                    Path.of("/proc", Long.toString(handle.pid()), "smaps_rollup"),
                                    "Pss:")
                                .orElse(0L))
                    .sum())
        .orElse(0L);
  }

  /** A {@code Name: 1234 kB} line of a {@code /proc} file, in KiB. */
  private static Optional<Long> field(Path file, String name) {
    return lines(file).stream()
        .filter(line -> line.startsWith(name))
        .findFirst()
        .map(line -> Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]));
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
