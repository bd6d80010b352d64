package com.snackmanager.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the benchmark finds the services it started. */
class BenchSuiteTest {

  private final BenchSuite suite = new BenchSuite(Path.of("/suite"));

  @Test
  void probesAndMetricsAreOnEachServicesManagementPortNotItsApiPort() {
    assertThat(suite.services())
        .containsEntry("gateway", "http://127.0.0.1:8280")
        .containsEntry("auth-service", "http://127.0.0.1:8281");
    assertThat(suite.managementAddresses())
        .containsOnlyKeys(suite.services().keySet())
        .containsEntry("gateway", "http://127.0.0.1:9280")
        .containsEntry("auth-service", "http://127.0.0.1:9281")
        .containsEntry("statistics-service", "http://127.0.0.1:9285");
  }
}
