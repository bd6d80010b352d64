package com.snackmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.runner.ClassDataSharing.Launch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

  @TempDir Path target;

  private final ServiceJava jdk =
      ServiceJava.of(Path.of(System.getProperty("java.home"))).orElseThrow();
  private final Path java = jdk.java();

  @Test
  void keysTheExtractedFormByTheJarsSizeAndTime() throws IOException {
    Path jar = Files.write(target.resolve("x-1.0.jar"), new byte[] {1, 2, 3});
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));

    assertThat(ClassDataSharing.folder(jar)).isEqualTo(target.resolve("cds/3-1700000000000"));
  }

  @Test
  void fallsBackToTheFatJarWhenItCannotBeExtracted() throws IOException {
    Path jar = Files.write(target.resolve("broken-1.0.jar"), new byte[] {1, 2, 3});
    Path log = target.resolve("broken.log");

    Launch launch = ClassDataSharing.prepare("broken", jar, jdk, log);

    assertThat(launch).isEqualTo(Launch.plain(jar));
    assertThat(ServiceProcess.command(java, launch, List.of()))
        .containsExactly(
            java.toString(), "-Xmx384m", "-Xmn64m", "-XX:+UseSerialGC", "-jar", jar.toString());
  }

  @Test
  void writesTheArchiveAtExitWhenThereIsNoneAndUsesItOnceThereIs() throws IOException {
    Path jar = Files.write(target.resolve("svc-1.0.jar"), new byte[] {1});
    Path folder = ClassDataSharing.folder(jar);
    Path thin = Files.createDirectories(folder).resolve("svc-1.0.jar");
    Files.write(thin, new byte[] {1});

    Launch first = ClassDataSharing.prepare("svc", jar, jdk, target.resolve("svc.log"));

    assertThat(first.jar()).isEqualTo(thin);
    assertThat(first.usesArchive()).isFalse();
    assertThat(first.jvmOptions())
        .singleElement()
        .asString()
        .startsWith("-XX:ArchiveClassesAtExit=");
    Files.write(first.publishFrom(), new byte[] {42}); // what the JVM writes as it exits
    first.finish(true, 143);
    Path archive = folder.resolve(ClassDataSharing.archiveName(jdk.runtimeVersion()));
    assertThat(archive).exists();

    Launch next = ClassDataSharing.prepare("svc", jar, jdk, target.resolve("svc.log"));

    assertThat(next.usesArchive()).isTrue();
    assertThat(next.jvmOptions())
        .containsExactly("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    assertThat(ServiceProcess.command(java, next, List.of("-Dx=y")))
        .containsExactly(
            java.toString(),
            "-Xmx384m",
            "-Xmn64m",
            "-XX:+UseSerialGC",
            "-XX:SharedArchiveFile=" + archive,
            "-Xshare:auto",
            "-Dx=y",
            "-jar",
            thin.toString());
  }

  @Test
  void publishesNoArchiveOfAServiceThatWasNeverReadyOrWasKilled() throws IOException {
    Path jar = Files.write(target.resolve("svc-1.0.jar"), new byte[] {1});
    Path folder = Files.createDirectories(ClassDataSharing.folder(jar));
    Files.write(folder.resolve("svc-1.0.jar"), new byte[] {1});
    Path archive = folder.resolve(ClassDataSharing.archiveName(jdk.runtimeVersion()));

    Launch notReady = ClassDataSharing.prepare("svc", jar, jdk, target.resolve("svc.log"));
    Files.write(notReady.publishFrom(), new byte[] {42});
    notReady.finish(false, 143);
    Launch killed = ClassDataSharing.prepare("svc", jar, jdk, target.resolve("svc.log"));
    Files.write(killed.publishFrom(), new byte[] {42});
    killed.finish(true, 137);

    assertThat(archive).doesNotExist();
    assertThat(notReady.publishFrom()).doesNotExist();
    assertThat(killed.publishFrom()).doesNotExist();
  }

  @Test
  void dropsAnArchiveThatAServiceNeverGotReadyWith() throws IOException {
    Path jar = Files.write(target.resolve("svc-1.0.jar"), new byte[] {1});
    Path folder = Files.createDirectories(ClassDataSharing.folder(jar));
    Files.write(folder.resolve("svc-1.0.jar"), new byte[] {1});
    Path archive =
        Files.write(
            folder.resolve(ClassDataSharing.archiveName(jdk.runtimeVersion())), new byte[] {42});

    ClassDataSharing.prepare("svc", jar, jdk, target.resolve("svc.log")).finish(false, 1);

    assertThat(archive).doesNotExist();
  }

  @Test
  void dropsTheExtractedFormsOfEarlierBuilds() throws IOException {
    Path jar = Files.write(target.resolve("svc-1.0.jar"), new byte[] {1});
    Path old = Files.createDirectories(target.resolve("cds/999-1"));
    Files.write(old.resolve("svc-1.0.jar"), new byte[] {1});
    Path folder = Files.createDirectories(ClassDataSharing.folder(jar));
    Files.write(folder.resolve("svc-1.0.jar"), new byte[] {1});

    ClassDataSharing.prepare("svc", jar, jdk, target.resolve("svc.log"));

    assertThat(old).doesNotExist();
    assertThat(folder).exists();
  }
}
