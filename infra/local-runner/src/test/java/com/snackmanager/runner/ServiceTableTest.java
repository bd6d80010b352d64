package com.snackmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.runner.ServiceTable.Service;
import com.snackmanager.testsupport.ServiceDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTableTest {

  @Test
  void startsTheAuthServiceFirstAndTheGatewayLast() {
    assertThat(ServiceTable.inStartOrder(0))
        .extracting(Service::name)
        .containsExactly(
            "auth-service",
            "snack-service",
            "reaction-service",
            "order-service",
            "statistics-service",
            "gateway");
  }

  @Test
  void theServicesAndTheGatewayStartTogether() {
    assertThat(ServiceTable.waves(ServiceTable.inStartOrder(0)))
        .map(wave -> wave.stream().map(Service::name).toList())
        .containsExactly(
            java.util.List.of(
                "auth-service",
                "snack-service",
                "reaction-service",
                "order-service",
                "statistics-service",
                "gateway"));
  }

  @Test
  void knowsEachServicesPortAndSchema() {
    Service auth = ServiceTable.find("auth-service").orElseThrow();
    Service gateway = ServiceTable.find("gateway").orElseThrow();

    assertThat(auth.port()).isEqualTo(8081);
    assertThat(auth.database()).contains(ServiceDatabase.AUTH);
    assertThat(gateway.port()).isEqualTo(8080);
    assertThat(gateway.database()).isEmpty();
  }

  @Test
  void namesArePortsAreUniqueAndTheGatewayStartsLast() {
    assertThat(ServiceTable.SERVICES).extracting(Service::name).doesNotHaveDuplicates();
    assertThat(ServiceTable.SERVICES).extracting(Service::port).doesNotHaveDuplicates();
    assertThat(ServiceTable.inStartOrder(0)).last().extracting(Service::name).isEqualTo("gateway");
  }

  @Test
  void everyServiceHasAManagementPortApartFromEveryApiPort() {
    List<Integer> apiPorts = ServiceTable.SERVICES.stream().map(Service::port).toList();

    assertThat(ServiceTable.find("auth-service").orElseThrow().managementPort()).isEqualTo(9081);
    assertThat(ServiceTable.inStartOrder(200))
        .filteredOn(service -> service.name().equals("gateway"))
        .extracting(Service::managementPort)
        .containsExactly(9280);
    assertThat(ServiceTable.SERVICES)
        .extracting(Service::managementPort)
        .doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(apiPorts);
  }

  @Test
  void findsTheJarInTheModulesTargetFolder() {
    Service auth = ServiceTable.find("auth-service").orElseThrow();

    assertThat(auth.jar(Path.of("/work/suite"), "1.2.3"))
        .isEqualTo(Path.of("/work/suite/auth-service/target/auth-service-1.2.3.jar"));
  }

  @Test
  void readsTheSuiteVersionMavenFilteredIn() {
    assertThat(ServiceTable.suiteVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
