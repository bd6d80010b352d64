package com.snackmanager.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDK the services and Kafka run on: {@code SNACK_SERVICE_JAVA_HOME} when set, otherwise the
 * newest released JDK (17 or later) installed beside the one running the runner — such as {@code
 * /usr/lib/jvm/temurin-25-jdk-amd64} beside {@code /usr/lib/jvm/java-17-openjdk-amd64} — or the
 * runner's own. The services are built for Java 17; a newer JIT and runtime serve the same bytecode
 * 3-23 % faster on this suite's request paths (BENCHMARKS.md, session 6). Early-access builds are
 * never picked on their own.
 *
 * @param home the JDK's folder
 * @param feature its feature release (17, 21, 25...)
 * @param runtimeVersion its full runtime version ({@code 25.0.3+9-LTS}): class data archives are
 *     only valid for the JVM that wrote them
 */
record ServiceJava(Path home, int feature, String runtimeVersion) {

  static final int MINIMUM_FEATURE = 17;

  Path java() {
    return home.resolve("bin").resolve("java");
  }

  /** {@code SNACK_SERVICE_JAVA_HOME}, else the newest JDK beside {@code runnerHome}. */
  static ServiceJava choose(Optional<Path> given, Path runnerHome) {
    if (given.isPresent()) {
      return of(given.get())
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "SNACK_SERVICE_JAVA_HOME="
                          + given.get()
                          + " is not a JDK "
                          + MINIMUM_FEATURE
                          + " or later (no bin/java, or no release file naming its version)"));
    }
    ServiceJava own =
        of(runnerHome)
            .orElseGet(() -> new ServiceJava(runnerHome, Runtime.version().feature(), own()));
    return siblings(runnerHome)
        .flatMap(home -> of(home).stream())
        .filter(jdk -> !jdk.earlyAccess())
        .max(Comparator.comparingInt(ServiceJava::feature))
        .filter(newest -> newest.feature() > own.feature())
        .orElse(own);
  }

  /** The JDK in {@code home}, if it is one we can run: {@code bin/java} and a release file. */
  static Optional<ServiceJava> of(Path home) {
    if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
      return Optional.empty();
    }
    Map<String, String> release = release(home.resolve("release"));
    String version = release.get("JAVA_VERSION");
    if (version == null) {
      return Optional.empty();
    }
    int feature;
    try {
      feature = Runtime.Version.parse(version).feature();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (feature < MINIMUM_FEATURE) {
      return Optional.empty();
    }
    return Optional.of(
        new ServiceJava(
            home.toAbsolutePath().normalize(),
            feature,
            release.getOrDefault("JAVA_RUNTIME_VERSION", version)));
  }

  /**
   * Options that keep a newer JVM's start-up warnings out of the logs without changing what runs:
   * from JDK 24 Netty's native transport and its use of {@code sun.misc.Unsafe} are warned about
   * unless allowed (both are allowed by default either way).
   */
  List<String> quietOptions() {
    return feature >= 24
        ? List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow")
        : List.of();
  }

  /**
   * Options that hand memory the JVM has freed back to the operating system: glibc keeps what was
   * malloc'ed and freed (the JIT compilers' arenas most of all), so a service's RSS stayed 20-46
   * MiB above what it used after warming up (BENCHMARKS.md, session 10); the JVM trims it every
   * five seconds. A product option from JDK 17.0.9, 21.0.1 and 22; none on older runtimes, which
   * would refuse to start with it.
   */
  List<String> memoryOptions() {
    return trimsNativeHeap(runtimeVersion) ? List.of("-XX:TrimNativeHeapInterval=5000") : List.of();
  }

  static boolean trimsNativeHeap(String runtimeVersion) {
    Runtime.Version version;
    try {
      version = Runtime.Version.parse(runtimeVersion);
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
    return switch (version.feature()) {
      case 17 -> version.update() >= 9;
      case 18, 19, 20 -> false;
      case 21 -> version.update() >= 1;
      default -> version.feature() > 21;
    };
  }

  boolean earlyAccess() {
    return runtimeVersion.contains("-ea");
  }

  @Override
  public String toString() {
    return "Java " + runtimeVersion + " (" + home + ")";
  }

  private static String own() {
    return System.getProperty("java.runtime.version", Runtime.version().toString());
  }

  private static Stream<Path> siblings(Path runnerHome) {
    Path parent = runnerHome.toAbsolutePath().normalize().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return Stream.empty();
    }
    try (Stream<Path> entries = Files.list(parent)) {
      List<Path> homes = entries.filter(Files::isDirectory).sorted().toList();
      return homes.stream();
    } catch (IOException e) {
      Log.info("could not look for other JDKs beside " + runnerHome + ": " + e.getMessage());
      return Stream.empty();
    }
  }

  /** {@code KEY="value"} lines of a JDK's {@code release} file; empty if there is none. */
  private static Map<String, String> release(Path file) {
    Map<String, String> values = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return values;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        int equals = line.indexOf('=');
        if (equals > 0) {
          values.put(
              line.substring(0, equals).trim(),
              line.substring(equals + 1).trim().replaceAll("^\"|\"$", ""));
        }
      }
    } catch (IOException e) {
      return Map.of(); // unreadable: not a JDK we can tell the version of
    }
    return values;
  }
}
