package com.snackmanager.runner;

import com.snackmanager.testsupport.ServiceDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The services the runner starts, in one place. To add a service, add a row: its module name (which
 * is also the process name and log name), HTTP port (its management port is that + 1000), schema
 * (or {@code null}) and start wave. Services of one wave start together: they talk only through
 * Kafka, and fetch the auth-service's keys when the first token arrives. The gateway starts with
 * them: its readiness is its own state only, it reads the JWKS and the services' OpenAPI documents
 * on first use, and a route whose service is not up yet answers 503 (the suite reports ready only
 * when every service is).
 */
final class ServiceTable {

  /** One row: the jar is {@code <module>/target/<module>-<version>.jar}. */
  record Service(String name, int port, Optional<ServiceDatabase> database, int startOrder) {

    Service(String name, int port, ServiceDatabase database, int startOrder) {
      this(name, port, Optional.ofNullable(database), startOrder);
    }

    Service shifted(int offset) {
      return new Service(name, port + offset, database, startOrder);
    }

    /**
     * Actuator's port (probes, metrics): {@link #MANAGEMENT_PORT_SHIFT} above the API port. In a
     * container every service uses 9090 (service-defaults); here all of them share one host.
     */
    int managementPort() {
      return port + MANAGEMENT_PORT_SHIFT;
    }

    /**
     * The variable that tells other processes where this service is, e.g. SNACK_AUTH_SERVICE_URL.
     */
    String urlVariable() {
      return "SNACK_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL";
    }

    Path jar(Path root, String version) {
      return root.resolve(name).resolve("target").resolve(name + "-" + version + ".jar");
    }
  }

  /** A service's management port is its API port plus this: 8081 → 9081. */
  static final int MANAGEMENT_PORT_SHIFT = 1000;

  static final List<Service> SERVICES =
      List.of(
          new Service("auth-service", 8081, ServiceDatabase.AUTH, 10),
          new Service("snack-service", 8082, ServiceDatabase.CATALOG, 10),
          new Service("reaction-service", 8084, ServiceDatabase.REACTION, 10),
          new Service("order-service", 8083, ServiceDatabase.ORDERING, 10),
          new Service("statistics-service", 8085, ServiceDatabase.STATISTICS, 10),
          new Service("gateway", 8080, (ServiceDatabase) null, 10));

  private ServiceTable() {}

  /** Every service in start order, its port shifted by {@code portOffset}. */
  static List<Service> inStartOrder(int portOffset) {
    return SERVICES.stream()
        .sorted(Comparator.comparingInt(Service::startOrder))
        .map(service -> service.shifted(portOffset))
        .toList();
  }

  /** {@code services} grouped by start wave, the waves in start order. */
  static List<List<Service>> waves(List<Service> services) {
    return List.copyOf(
        services.stream()
            .collect(
                Collectors.groupingBy(
                    Service::startOrder, TreeMap::new, Collectors.toUnmodifiableList()))
            .values());
  }

  static Optional<Service> find(String name) {
    return SERVICES.stream().filter(service -> service.name().equals(name)).findFirst();
  }

  /** The suite's version, which names the service jars (filtered in by Maven). */
  static String suiteVersion() {
    try (InputStream in = ServiceTable.class.getResourceAsStream("/local-runner.properties")) {
      if (in == null) {
        throw new IllegalStateException("local-runner.properties is missing from the runner");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("suite.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
