package com.snackmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJavaTest {

  @TempDir Path jvms;

  @Test
  void picksTheNewestReleasedJdkBesideTheRunners() throws IOException {
    Path runner = jdk("java-17-openjdk-amd64", "17.0.15", "17.0.15+6-Debian-1deb12u1");
    jdk("java-21-openjdk-amd64", "21.0.8", "21.0.8+9");
    Path newest = jdk("temurin-25-jdk-amd64", "25.0.3", "25.0.3+9-LTS");
    jdk("jdk-26-ea", "26", "26-ea+20"); // early access: only when named
    Files.createDirectories(jvms.resolve("openjdk-17")); // no bin/java, no release

    ServiceJava chosen = ServiceJava.choose(Optional.empty(), runner);

    assertThat(chosen.home()).isEqualTo(newest);
    assertThat(chosen.feature()).isEqualTo(25);
    assertThat(chosen.runtimeVersion()).isEqualTo("25.0.3+9-LTS");
    assertThat(chosen.java()).isEqualTo(newest.resolve("bin/java"));
    assertThat(chosen.quietOptions()).contains("--enable-native-access=ALL-UNNAMED");
    assertThat(ServiceJava.of(runner).orElseThrow().quietOptions()).isEmpty();
  }

  @Test
  void trimsTheNativeHeapOnlyWhereTheOptionExists() throws IOException {
    assertThat(ServiceJava.trimsNativeHeap("25.0.3+9-LTS")).isTrue();
    assertThat(ServiceJava.trimsNativeHeap("22+36")).isTrue();
    assertThat(ServiceJava.trimsNativeHeap("21.0.1+12")).isTrue();
    assertThat(ServiceJava.trimsNativeHeap("21+35")).isFalse();
    assertThat(ServiceJava.trimsNativeHeap("20.0.2+9")).isFalse();
    assertThat(ServiceJava.trimsNativeHeap("17.0.15+6-Debian-1deb12u1")).isTrue();
    assertThat(ServiceJava.trimsNativeHeap("17.0.8+7")).isFalse();
    assertThat(ServiceJava.trimsNativeHeap("not a version")).isFalse();
    assertThat(
            ServiceJava.of(jdk("jdk-25", "25.0.3", "25.0.3+9-LTS")).orElseThrow().memoryOptions())
        .containsExactly("-XX:TrimNativeHeapInterval=5000");
    assertThat(ServiceJava.of(jdk("jdk-17", "17.0.8", "17.0.8+7")).orElseThrow().memoryOptions())
        .isEmpty();
  }

  @Test
  void keepsTheRunnersJdkWhenNothingBesideItIsNewer() throws IOException {
    Path runner = jdk("jdk-21", "21.0.8", "21.0.8+9");
    jdk("jdk-17", "17.0.15", "17.0.15+6");
    jdk("jdk-11", "11.0.2", "11.0.2+9");

    assertThat(ServiceJava.choose(Optional.empty(), runner).home()).isEqualTo(runner);
  }

  @Test
  void usesTheNamedJdkEvenAnOlderOrEarlyAccessOne() throws IOException {
    Path runner = jdk("jdk-25", "25.0.3", "25.0.3+9-LTS");
    Path named = jdk("jdk-26-ea", "26", "26-ea+20");

    ServiceJava chosen = ServiceJava.choose(Optional.of(named), runner);

    assertThat(chosen.home()).isEqualTo(named);
    assertThat(chosen.earlyAccess()).isTrue();
    assertThat(
            ServiceJava.choose(Optional.of(jdk("jdk-17", "17.0.15", "17.0.15")), runner).feature())
        .isEqualTo(17);
  }

  @Test
  void refusesANamedFolderThatIsNoUsableJdk() throws IOException {
    Path runner = jdk("jdk-17", "17.0.15", "17.0.15");
    Path empty = Files.createDirectories(jvms.resolve("not-a-jdk"));
    Path tooOld = jdk("jdk-11", "11.0.2", "11.0.2+9");

    assertThatThrownBy(() -> ServiceJava.choose(Optional.of(empty), runner))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SNACK_SERVICE_JAVA_HOME=" + empty)
        .hasMessageContaining("is not a JDK 17 or later");
    assertThatThrownBy(() -> ServiceJava.choose(Optional.of(tooOld), runner))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheRunningJdk() {
    Path home = Path.of(System.getProperty("java.home"));

    ServiceJava own = ServiceJava.of(home).orElseThrow();

    assertThat(own.feature()).isEqualTo(Runtime.version().feature());
    assertThat(Files.isExecutable(own.java())).isTrue();
  }

  @Test
  void theSettingNamesTheJdk() {
    RunnerSettings settings =
        RunnerSettings.from(
            Path.of("/suite"), java.util.Map.of("SNACK_SERVICE_JAVA_HOME", " /opt/jdk-25 "));

    assertThat(settings.serviceJavaHome()).contains(Path.of("/opt/jdk-25"));
    assertThat(RunnerSettings.from(Path.of("/suite"), java.util.Map.of()).serviceJavaHome())
        .isEmpty();
  }

  /** A fake JDK: an executable {@code bin/java} and a release file as the JDKs write it. */
  private Path jdk(String name, String version, String runtimeVersion) throws IOException {
    Path home = Files.createDirectories(jvms.resolve(name));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(
        home.resolve("release"),
        "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\""
            + runtimeVersion
            + "\"\nJAVA_VERSION=\""
            + version
            + "\"\n");
    return home;
  }
}
