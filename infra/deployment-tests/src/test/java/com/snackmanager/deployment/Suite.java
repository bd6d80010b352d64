package com.snackmanager.deployment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The services the deployment files must run, as the services themselves are configured. */
final class Suite {

  /**
   * One service: its module (= container, Deployment and Service name), HTTP port, PostgreSQL login
   * role (none for the gateway) and whether it talks to Kafka.
   */
  record Service(String name, int port, Optional<String> databaseRole, boolean usesKafka) {

    boolean usesPostgres() {
      return databaseRole.isPresent();
    }

    /** The variable that tells the gateway where it is, e.g. {@code SNACK_AUTH_SERVICE_URL}. */
    String urlVariable() {
      return "SNACK_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    /** The key of its password in the snack-db-credentials Secret, e.g. {@code auth-password}. */
    String passwordKey() {
      return databaseRole.orElseThrow().replace("_svc", "") + "-password";
    }
  }

  static final List<Service> SERVICES =
      List.of(
          new Service("gateway", 8080, Optional.empty(), false),
          new Service("auth-service", 8081, Optional.of("auth_svc"), true),
          new Service("snack-service", 8082, Optional.of("catalog_svc"), true),
          new Service("order-service", 8083, Optional.of("ordering_svc"), true),
          new Service("reaction-service", 8084, Optional.of("reaction_svc"), true),
          new Service("statistics-service", 8085, Optional.of("statistics_svc"), true));

  /** The suite's topics (event-contracts' Topics); each also has a dead-letter topic, + ".dlt". */
  /**
   * The services that ask the snack-service about a snack whose catalog event has not arrived yet
   * (read-through): they need its address and may reach it.
   */
  static final List<String> CATALOG_READERS = List.of("order-service", "reaction-service");

  static final List<String> TOPICS =
      List.of("snack.users.v1", "snack.catalog.v1", "snack.reactions.v1", "snack.orders.v1");

  static final String SCHEMA_SQL = "infra/postgres/01-schemas-and-roles.sql";

  /**
   * Actuator's port in every service container (service-defaults' {@code management.server.port}):
   * probes and metrics, never published, never routed.
   */
  static final int MANAGEMENT_PORT = 9090;

  private Suite() {}

  static List<String> names() {
    return SERVICES.stream().map(Service::name).toList();
  }

  static Service service(String name) {
    return SERVICES.stream()
        .filter(service -> service.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not a Snack Manager service: " + name));
  }
}
