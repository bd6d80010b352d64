package com.snackmanager.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SnackTestInfrastructureIT {

  private final SnackTestInfrastructure infra = SnackTestInfrastructure.get();

  @Test
  void eachServiceRoleWorksInItsOwnSchemaOnly() throws SQLException {
    try (Connection catalog = connectAs(ServiceDatabase.CATALOG);
        Statement statement = catalog.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS isolation_probe (id int)");
      statement.execute("INSERT INTO isolation_probe VALUES (1)");
    }
    try (Connection auth = connectAs(ServiceDatabase.AUTH);
        Statement statement = auth.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM catalog.isolation_probe"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> statement.execute("CREATE TABLE public.sneaky (id int)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void installingTheSchemasTwiceIsHarmless() {
    SchemaInstaller.install(infra.jdbcUrl(), "postgres", "postgres");
  }

  @Test
  void redisAnswersPing() throws Exception {
    try (Socket socket = new Socket(infra.redisHost(), infra.redisPort())) {
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] reply = new byte[7];
      int read = socket.getInputStream().read(reply);
      assertThat(new String(reply, 0, read, StandardCharsets.US_ASCII)).startsWith("+PONG");
    }
  }

  @Test
  void kafkaBootstrapIsLoopback() {
    assertThat(infra.kafkaBootstrap()).matches("(127\\.0\\.0\\.1|localhost):\\d+(,.*)?");
  }

  @Test
  void psqlVariablesAreQuotedLiterals() {
    assertThat(
            SchemaInstaller.substitute(
                "ALTER ROLE x PASSWORD :'p';", java.util.Map.of("p", "it's")))
        .isEqualTo("ALTER ROLE x PASSWORD 'it''s';");
  }

  private Connection connectAs(ServiceDatabase db) throws SQLException {
    return DriverManager.getConnection(infra.jdbcUrl(), db.role(), db.password());
  }
}
