package com.snackmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.testsupport.FreePorts;
import com.snackmanager.testsupport.SchemaInstaller;
import com.snackmanager.testsupport.ServiceDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's PostgreSQL is durable (fsync, synchronous commit) and keeps its data directory: what
 * a service wrote survives a restart.
 */
class EmbeddedPostgresIT {

  @TempDir Path dir;

  @Test
  void keepsTheDataOfAServiceAcrossARestartOnTheSameDirectory() throws SQLException {
    int port = FreePorts.find();
    Path data = dir.resolve("postgres");
    Path log = dir.resolve("postgres.log");
    String url = EmbeddedInfrastructure.jdbcUrl(port);

    EmbeddedPostgres first = EmbeddedInfrastructure.startPostgres(data, port, log);
    try {
      SchemaInstaller.install(url, "postgres", "postgres");
      assertThat(EmbeddedInfrastructure.postgresPid(data)).isPresent();
      assertThat(setting(url, "fsync")).isEqualTo("on");
      assertThat(setting(url, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(url, "full_page_writes")).isEqualTo("on");
      try (Connection auth = authConnection(url);
          Statement statement = auth.createStatement()) {
        statement.execute("CREATE TABLE survivor (name text)");
        statement.execute("INSERT INTO survivor VALUES ('still here')");
      }
    } finally {
      EmbeddedInfrastructure.stopPostgres(first);
    }
    assertThat(EmbeddedInfrastructure.postgresPid(data)).isEmpty();

    EmbeddedPostgres second = EmbeddedInfrastructure.startPostgres(data, port, log);
    try {
      SchemaInstaller.install(url, "postgres", "postgres"); // again, as every start does
      try (Connection auth = authConnection(url);
          Statement statement = auth.createStatement();
          ResultSet rows = statement.executeQuery("SELECT current_schema(), name FROM survivor")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("auth");
        assertThat(rows.getString(2)).isEqualTo("still here");
      }
    } finally {
      EmbeddedInfrastructure.stopPostgres(second);
    }
  }

  private static String setting(String url, String name) throws SQLException {
    try (Connection auth = authConnection(url);
        Statement statement = auth.createStatement();
        ResultSet rows = statement.executeQuery("SHOW " + name)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }

  private static Connection authConnection(String url) throws SQLException {
    return DriverManager.getConnection(
        url, ServiceDatabase.AUTH.role(), ServiceDatabase.AUTH.password());
  }
}
