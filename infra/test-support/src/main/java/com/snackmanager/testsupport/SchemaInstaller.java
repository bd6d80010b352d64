package com.snackmanager.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code infra/postgres/01-schemas-and-roles.sql} (packaged on the classpath under {@code
 * snack-postgres/}) over JDBC, substituting its psql variables ({@code :'name'}) as quoted
 * literals.
 */
public final class SchemaInstaller {

  static final String SCRIPT = "snack-postgres/01-schemas-and-roles.sql";
  private static final Pattern VARIABLE = Pattern.compile(":'([a-z_]+)'");

  private SchemaInstaller() {}

  public static void install(String jdbcUrl, String adminUser, String adminPassword) {
    String sql = substitute(readScript(), ServiceDatabase.sqlVariables());
    try (Connection connection = DriverManager.getConnection(jdbcUrl, adminUser, adminPassword);
        Statement statement = connection.createStatement()) {
      // The PostgreSQL driver runs a multi-statement string (including DO blocks) as one batch.
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not install the service schemas: " + e.getMessage(), e);
    }
  }

  static String substitute(String sql, Map<String, String> variables) {
    Matcher matcher = VARIABLE.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = variables.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("No value for SQL variable " + matcher.group(1));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(quote(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String readScript() {
    try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
