package com.snackmanager.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Class data sharing (AppCDS) for the service jars, so that a JVM maps most of its classes from an
 * archive instead of loading, parsing and verifying them from the jar at every start.
 *
 * <p>On JDK 17 the JVM archives only classes its own class loaders read from plain jar files, not
 * the nested jars of a Spring Boot fat jar, so a service runs from its extracted form ({@code java
 * -Djarmode=tools -jar app.jar extract}: a thin {@code app.jar} whose manifest names {@code lib/*})
 * kept next to the built jar in {@code <module>/target/cds/<size>-<mtime>/}, made once per build.
 * The first start from it runs with {@code -XX:ArchiveClassesAtExit}: the JVM writes the archive of
 * every class it loaded when the service stops ({@code ./suite down}), and the runner publishes it
 * as {@code <jvm version>.jsa} only if the service had been ready and ended by itself (not killed
 * mid-write). Every later start maps it with {@code -XX:SharedArchiveFile} ({@code -Xshare:auto}: a
 * JVM that cannot use an archive warns and runs without it).
 *
 * <p>Nothing here may stop a start: when anything about the extraction fails, the service runs from
 * its fat jar as before. {@code SNACK_CDS=false} turns it all off.
 */
final class ClassDataSharing {

  /** The folder next to the built jar that holds the extracted forms and their archives. */
  static final String DIR = "cds";

  static final Duration EXTRACT_TIMEOUT = Duration.ofSeconds(120);

  /** Leftovers of an extraction or archive dump that never finished are dropped after this. */
  static final Duration STALE_TEMP = Duration.ofHours(1);

  private static final String TEMP_PREFIX = ".tmp-";
  private static final AtomicLong TEMP_COUNTER = new AtomicLong();

  /** How to launch one service: the JVM options CDS adds and the jar to run. */
  record Launch(List<String> jvmOptions, Path jar, Path publishFrom, Path publishTo) {

    static Launch plain(Path jar) {
      return new Launch(List.of(), jar, null, null);
    }

    boolean writesArchive() {
      return publishTo != null;
    }

    boolean usesArchive() {
      return publishTo == null && !jvmOptions.isEmpty();
    }

    /**
     * After the service's JVM has ended: publishes the archive it wrote at exit, if it was ready
     * and ended on its own; drops an archive it was started with if it never got ready (so the next
     * start makes a new one rather than trusting it again).
     */
    void finish(boolean wasReady, int exitCode) {
      try {
        if (publishFrom != null) {
          boolean complete =
              wasReady
                  && exitCode != 137 // SIGKILL: the dump may be half written
                  && Files.isRegularFile(publishFrom)
                  && Files.size(publishFrom) > 0;
          if (complete) {
            Files.move(
                publishFrom,
                publishTo,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
            Log.info("wrote the class data archive " + publishTo);
          } else {
            Files.deleteIfExists(publishFrom);
          }
        } else if (usesArchive() && !wasReady) {
          Files.deleteIfExists(archiveOf(jvmOptions));
        }
      } catch (IOException | RuntimeException e) {
        Log.info("class data sharing: could not publish the archive: " + e.getMessage());
      }
    }

    private static Path archiveOf(List<String> options) {
      return options.stream()
          .filter(option -> option.startsWith("-XX:SharedArchiveFile="))
          .map(option -> Path.of(option.substring("-XX:SharedArchiveFile=".length())))
          .findFirst()
          .orElseThrow();
    }
  }

  private ClassDataSharing() {}

  /**
   * Prepares {@code fatJar} to run with class data sharing: extracts it if this build has not been
   * extracted yet, and says whether to use or to write the archive. Falls back to the fat jar.
   */
  static Launch prepare(String name, Path fatJar, ServiceJava jdk, Path log) {
    try {
      Path extracted = extracted(name, fatJar, jdk.java(), log);
      Path archive = extracted.resolveSibling(archiveName(jdk.runtimeVersion()));
      if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
        return new Launch(
            List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), extracted, null, null);
      }
      Path temp =
          archive.resolveSibling(
              TEMP_PREFIX
                  + ProcessHandle.current().pid()
                  + "-"
                  + TEMP_COUNTER.incrementAndGet()
                  + "-"
                  + archive.getFileName());
      return new Launch(List.of("-XX:ArchiveClassesAtExit=" + temp), extracted, temp, archive);
    } catch (IOException | RuntimeException e) {
      Log.info(
          name
              + ": class data sharing unavailable ("
              + e.getMessage()
              + "), starting from "
              + fatJar);
      return Launch.plain(fatJar);
    }
  }

  /** The archive's name: an archive only fits the JVM that wrote it. */
  static String archiveName(String version) {
    return "jvm-" + version.replaceAll("[^A-Za-z0-9._-]", "_") + ".jsa";
  }

  /** {@code target/cds/<size>-<mtime>} for {@code target/x.jar}: one folder per build. */
  static Path folder(Path fatJar) throws IOException {
    String key = Files.size(fatJar) + "-" + Files.getLastModifiedTime(fatJar).toMillis();
    return fatJar.resolveSibling(DIR).resolve(key);
  }

  /** The extracted thin jar of {@code fatJar}'s build, extracting it first if needed. */
  static Path extracted(String name, Path fatJar, Path java, Path log) throws IOException {
    Path folder = folder(fatJar);
    Path thinJar = folder.resolve(fatJar.getFileName());
    dropStale(folder.getParent(), folder);
    if (Files.isRegularFile(thinJar)) {
      return thinJar;
    }
    Files.createDirectories(folder.getParent());
    Path temp =
        folder.resolveSibling(
            TEMP_PREFIX + ProcessHandle.current().pid() + "-" + TEMP_COUNTER.incrementAndGet());
    Log.info(name + ": extracting " + fatJar.getFileName() + " for class data sharing");
    try {
      ChildProcess.run(
          name + " extract",
          List.of(
              java.toString(),
              "-Djarmode=tools",
              "-jar",
              fatJar.toString(),
              "extract",
              "--destination",
              temp.toString()),
          fatJar.getParent(),
          log,
          EXTRACT_TIMEOUT);
      if (!Files.isRegularFile(temp.resolve(fatJar.getFileName()))) {
        throw new IOException("the extraction left no " + fatJar.getFileName());
      }
      try {
        Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // another runner extracted the same build meanwhile: use theirs
      } catch (IOException e) {
        if (!Files.isRegularFile(thinJar)) {
          throw e;
        }
      }
    } finally {
      deleteRecursively(temp);
    }
    if (!Files.isRegularFile(thinJar)) {
      throw new IOException("no " + thinJar + " after the extraction");
    }
    return thinJar;
  }

  /**
   * Drops the extracted forms of earlier builds that no running process uses, and leftovers of
   * extractions or dumps that never finished.
   */
  private static void dropStale(Path cdsDir, Path current) {
    if (!Files.isDirectory(cdsDir)) {
      return;
    }
    List<String> inUse =
        ProcessHandle.allProcesses()
            .map(process -> process.info().commandLine().orElse(""))
            .filter(line -> line.contains(cdsDir.toString()))
            .toList();
    try (Stream<Path> entries = Files.list(cdsDir)) {
      for (Path entry : entries.toList()) {
        boolean temp = entry.getFileName().toString().startsWith(TEMP_PREFIX);
        boolean stale =
            temp
                ? Files.getLastModifiedTime(entry)
                    .toInstant()
                    .isBefore(Instant.now().minus(STALE_TEMP))
                : !entry.equals(current)
                    && inUse.stream().noneMatch(line -> line.contains(entry.toString()));
        if (stale) {
          deleteRecursively(entry);
        }
      }
      if (Files.isDirectory(current)) {
        try (Stream<Path> files = Files.list(current)) {
          for (Path file : files.toList()) {
            String fileName = file.getFileName().toString();
            if (fileName.startsWith(TEMP_PREFIX)
                && Files.getLastModifiedTime(file)
                    .toInstant()
                    .isBefore(Instant.now().minus(STALE_TEMP))) {
              Files.deleteIfExists(file);
            }
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      Log.info("class data sharing: could not tidy " + cdsDir + ": " + e.getMessage());
    }
  }

  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String describe(Launch launch) {
    if (launch.usesArchive()) {
      return "with its class data archive";
    }
    if (launch.publishTo() != null) {
      return "extracted; writes its class data archive when it stops";
    }
    return "from its jar";
  }
}
