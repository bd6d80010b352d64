package com.snackmanager.testsupport;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The per-service schemas and login roles that {@code infra/postgres/01-schemas-and-roles.sql}
 * creates. Development passwords are defaults only: {@code SNACK_<SCHEMA>_DB_PASSWORD} overrides
 * each.
 */
public enum ServiceDatabase {
  AUTH("auth", "auth_svc"),
  CATALOG("catalog", "catalog_svc"),
  ORDERING("ordering", "ordering_svc"),
  REACTION("reaction", "reaction_svc"),
  STATISTICS("statistics", "statistics_svc");

  private final String schema;
  private final String role;

  ServiceDatabase(String schema, String role) {
    this.schema = schema;
    this.role = role;
  }

  public String schema() {
    return schema;
  }

  public String role() {
    return role;
  }

  public String password() {
    String override = System.getenv("SNACK_" + schema.toUpperCase(Locale.ROOT) + "_DB_PASSWORD");
    return override == null || override.isBlank() ? schema + "-dev-password" : override;
  }

  /** The psql variables the schema SQL expects, e.g. {@code auth_password}. */
  public static Map<String, String> sqlVariables() {
    return Stream.of(values())
        .collect(Collectors.toMap(db -> db.schema + "_password", ServiceDatabase::password));
  }
}
