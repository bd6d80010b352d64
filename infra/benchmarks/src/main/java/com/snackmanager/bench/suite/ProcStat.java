package com.snackmanager.bench.suite;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code /proc/<pid>/stat}: the fields the CPU table needs. The second field, the
 * command name in parentheses, may itself hold spaces and parentheses ({@code (Web Content)},
 * {@code (a) b)}), so the fields are counted from after its last {@code ')'}.
 *
 * @param pid field 1
 * @param comm field 2 without its parentheses
 * @param ppid field 4
 * @param utime field 14: user-mode CPU, in clock ticks
 * @param stime field 15: kernel-mode CPU, in clock ticks
 * @param cutime field 16: user-mode CPU of the children this process waited for, in clock ticks
 * @param cstime field 17: kernel-mode CPU of the children this process waited for, in clock ticks
 */
public record ProcStat(
    long pid, String comm, long ppid, long utime, long stime, long cutime, long cstime) {

  /** This process's own CPU: {@code utime + stime}. */
  public long ownTicks() {
    return utime + stime;
  }

  /** The CPU of its children that have ended and were waited for: {@code cutime + cstime}. */
  public long reapedChildrenTicks() {
    return cutime + cstime;
  }

  /** Parses one {@code /proc/<pid>/stat} line. */
  public static ProcStat parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + line);
    }
    long pid = Long.parseLong(line.substring(0, open).trim());
    String comm = line.substring(open + 1, close);
    // fields 3, 4, ... follow the command name: rest[0] is field 3
    String[] rest = line.substring(close + 1).trim().split("\\s+");
    if (rest.length < 15) {
      throw new IllegalArgumentException("Too few fields in /proc/<pid>/stat: " + line);
    }
    return new ProcStat(
        pid,
        comm,
        Long.parseLong(rest[4 - 3]),
        Long.parseLong(rest[14 - 3]),
        Long.parseLong(rest[15 - 3]),
        Long.parseLong(rest[16 - 3]),
        Long.parseLong(rest[17 - 3]));
  }

  /** The process's stat, if it is running (and readable). */
  public static Optional<ProcStat> read(long pid) {
    return read(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** {@code /proc/self/stat}: this JVM. */
  public static Optional<ProcStat> self() {
    return read(Path.of("/proc/self/stat"));
  }

  /** Every process in {@code /proc} (those that end while it is read are left out). */
  public static List<ProcStat> all() {
    List<ProcStat> all = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : entries) {
        read(entry.resolve("stat")).ifPresent(all::add);
      }
    } catch (IOException e) {
      return all;
    }
    return all;
  }

  private static Optional<ProcStat> read(Path file) {
    try {
      return Optional.of(parse(Files.readString(file).trim()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code getconf CLK_TCK}: the clock ticks per second of the stat fields (100 almost always). */
  public static long clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      if (getconf.waitFor() == 0 && out.matches("\\d+") && Long.parseLong(out) > 0) {
        return Long.parseLong(out);
      }
    } catch (IOException e) {
      // the usual value below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }
}
