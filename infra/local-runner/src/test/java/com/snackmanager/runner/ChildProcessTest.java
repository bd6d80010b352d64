package com.snackmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

  @TempDir Path dir;

  @Test
  void tailsTheLastLinesOfALog() throws IOException {
    Path log = Files.writeString(dir.resolve("x.log"), "one\ntwo\nthree\nfour\n");

    assertThat(ChildProcess.tail(log, 2)).isEqualTo("three\nfour");
    assertThat(ChildProcess.tail(dir.resolve("missing.log"), 2)).contains("no log");
  }

  @Test
  void keepsTheLastRunsLogAsDotOne() throws IOException {
    Path log = Files.writeString(dir.resolve("kafka.log"), "last run\n");

    assertThat(ChildProcess.freshLog(log)).doesNotExist();
    assertThat(dir.resolve("kafka.log.1")).hasContent("last run");
  }
}
