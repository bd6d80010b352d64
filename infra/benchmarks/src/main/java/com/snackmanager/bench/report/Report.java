package com.snackmanager.bench.report;

import com.snackmanager.bench.data.DataGenerator.Step;
import com.snackmanager.bench.suite.Footprint;
import com.snackmanager.bench.wrk.WrkResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The benchmark's results as markdown: the summary (measured against the targets), every
 * wrk run, the data load's steps, start-up and memory per process, and notes. Printed at the end
 * and written to {@code summary.md} in the run's results folder, beside the raw wrk output.
 */
public final class Report {

  private final String title;
  private final List<String> conditions = new ArrayList<>();
  private final List<Measurement> measurements = new ArrayList<>();
  private final List<WrkResult> runs = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<CpuTable> cpu = new ArrayList<>();
  private long ticksPerSecond = 100;
  private List<Step> load = List.of();
  private List<Footprint.Entry> afterStart = List.of();
  private List<Footprint.Entry> atEnd = List.of();

  public Report(String title) {
    this.title = title;
  }

  public void condition(String line) {
    conditions.add(line);
  }

  public void add(Measurement measurement) {
    measurements.add(measurement);
  }

  public void run(WrkResult result) {
    runs.add(result);
  }

  public void note(String note) {
    notes.add(note);
  }

  /** A measured window's CPU per request, a column pair of the CPU table. */
  public void cpu(CpuTable table) {
    cpu.add(table);
  }

  /** The clock ticks per second the CPU tables were read in (for the section's header). */
  public void ticksPerSecond(long ticks) {
    this.ticksPerSecond = ticks;
  }

  public void load(List<Step> steps) {
    this.load = List.copyOf(steps);
  }

  public void footprint(List<Footprint.Entry> afterStart, List<Footprint.Entry> atEnd) {
    this.afterStart = List.copyOf(afterStart);
    this.atEnd = List.copyOf(atEnd);
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## ").append(title).append("\n\n");
    conditions.forEach(line -> md.append("- ").append(line).append('\n'));
    md.append("\n| # | Measurement | Target | Measured | |\n|---|---|---|---|---|\n");
    for (Measurement m : measurements) {
      md.append(
          String.format(
              "| %s | %s | %s | %s | %s |%n",
              m.number() == 0 ? "" : m.number(), m.what(), m.target(), m.measured(), m.verdict()));
    }
    if (!runs.isEmpty()) {
      md.append("\n### wrk runs\n\n")
          .append("| Run | Requests | req/s | p50 ms | p90 ms | p99 ms | max ms |")
          .append(" Socket errors | Statuses |\n")
          .append("|---|---|---|---|---|---|---|---|---|\n");
      for (WrkResult run : runs) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %,d | %s | %s | %s | %s | %s | %d | %s |%n",
                run.name(),
                run.requests(),
                Measurement.whole(run.requestsPerSecond()),
                Measurement.decimal(run.p50Ms()),
                Measurement.decimal(run.p90Ms()),
                Measurement.decimal(run.p99Ms()),
                Measurement.decimal(run.maxMs()),
                run.socketErrors(),
                statuses(run.statuses())));
      }
    }
    if (!cpu.isEmpty()) {
      cpuSection(md);
    }
    if (!load.isEmpty()) {
      md.append("\n### Data load\n\n| Step | Seconds |\n|---|---|\n");
      load.forEach(
          step ->
              md.append(
                  String.format(
                      Locale.ROOT,
                      "| %s | %.1f |%n",
                      step.name(),
                      step.took().toMillis() / 1000.0)));
      md.append(
          String.format(
              Locale.ROOT,
              "| **total** | **%.1f** |%n",
              load.stream().mapToLong(step -> step.took().toMillis()).sum() / 1000.0));
    }
    if (!afterStart.isEmpty()) {
      md.append("\n### Processes\n\n")
          .append("| Process | Start-up s | Memory after start MiB | Memory at the end MiB |\n")
          .append("|---|---|---|---|\n");
      Map<String, Footprint.Entry> end =
          atEnd.stream().collect(Collectors.toMap(Footprint.Entry::name, entry -> entry));
      for (Footprint.Entry entry : afterStart) {
        Footprint.Entry last = end.get(entry.name());
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %d | %s |%n",
                entry.name() + (entry.name().equals("postgres") ? " (all processes, PSS)" : ""),
                seconds(entry.startUpSeconds()),
                entry.memoryKib() / 1024,
                last == null ? "–" : Long.toString(last.memoryKib() / 1024)));
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| **total** | | **%d** | **%d** |%n",
              totalMib(afterStart),
              totalMib(atEnd)));
    }
    if (!notes.isEmpty()) {
      md.append("\n### Notes\n\n");
      notes.forEach(note -> md.append("- ").append(note).append('\n'));
    }
    return md.toString();
  }

  /**
   * One row per process, two columns per measured window: CPU milliseconds per 2xx response and the
   * cores the process kept busy.
   */
  private void cpuSection(StringBuilder md) {
    md.append("\n### CPU per request\n\n")
        .append("CPU time each process used during the measured window (utime + stime of")
        .append(" `/proc/<pid>/stat`, ")
        .append(ticksPerSecond)
        .append(" ticks/s; PostgreSQL: the postmaster and all its processes) divided by the")
        .append(" window's 2xx responses, in ms, and the cores it kept busy on average. wrk is")
        .append(" the load generator, not part of the suite's sum.\n\n| Process |");
    for (CpuTable table : cpu) {
      md.append(' ').append(table.window()).append(": ms/request | cores |");
    }
    md.append("\n|---|");
    md.append("---|---|".repeat(cpu.size()));
    md.append('\n');
    List<String> names = new ArrayList<>();
    for (CpuTable table : cpu) {
      table.rows().stream()
          .map(CpuTable.Row::name)
          .filter(name -> !names.contains(name))
          .forEach(names::add);
    }
    for (String name : names) {
      md.append("| ").append(name).append(" |");
      for (CpuTable table : cpu) {
        CpuTable.Row row = table.row(name);
        md.append(' ')
            .append(row == null ? "–" : perRequest(table.msPerRequest(row)))
            .append(" | ")
            .append(row == null || table.cores(row) < 0 ? "–" : format("%.2f", table.cores(row)))
            .append(" |");
      }
      md.append('\n');
    }
    md.append("| **the suite (all but wrk)** |");
    for (CpuTable table : cpu) {
      md.append(" **")
          .append(perRequest(table.suiteMsPerRequest()))
          .append("** | ")
          .append(
              table.seconds() > 0
                  ? format("%.2f", table.suiteCpuMs() / 1000 / table.seconds())
                  : "–")
          .append(" |");
    }
    md.append("\n| 2xx responses, window seconds |");
    for (CpuTable table : cpu) {
      md.append(' ')
          .append(format("%,d", table.requests()))
          .append(" | ")
          .append(format("%.1f s", table.seconds()))
          .append(" |");
    }
    md.append('\n');
  }

  private static String perRequest(double ms) {
    return ms < 0 ? "–" : format("%.3f", ms);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }

  public void write(Path file) {
    try {
      Files.writeString(file, markdown());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static long totalMib(List<Footprint.Entry> entries) {
    return entries.stream().mapToLong(Footprint.Entry::memoryKib).sum() / 1024;
  }

  private static String seconds(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "–";
  }

  private static String statuses(Map<Integer, Long> statuses) {
    return statuses.entrySet().stream()
        .map(entry -> entry.getKey() + "×" + entry.getValue())
        .collect(Collectors.joining(", "));
  }
}
