package com.snackmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.testsupport.FreePorts;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's Redis has a memory budget in which only keys with a time to live (the sign-in
 * throttles, the rate-limit buckets) are evicted, never the reaction sets, which have none.
 */
class EmbeddedRedisIT {

  @TempDir Path dir;

  @Test
  void whenFullOnlyExpiringKeysAreEvictedAndWritesGoOn() throws IOException {
    int port = FreePorts.find();
    ChildProcess redis = EmbeddedInfrastructure.startRedis(port, dir, dir.resolve("redis.log"));
    try (Resp client = new Resp(port)) {
      assertThat(client.call("CONFIG", "GET", "maxmemory-policy"))
          .isEqualTo(List.of("maxmemory-policy", "volatile-ttl"));
      assertThat(client.call("CONFIG", "GET", "maxmemory"))
          .isEqualTo(List.of("maxmemory", String.valueOf(256L * 1024 * 1024)));

      // a small budget so that the test fills it quickly
      client.call("CONFIG", "SET", "maxmemory", "4mb");
      String value = "x".repeat(1024);
      for (int i = 0; i < 300; i++) {
        assertThat(client.call("SADD", "snack:{sn_" + i + "}:like", value)).isEqualTo(1L);
      }
      // a flood of expiring security keys, several times the budget: every write is taken
      for (int i = 0; i < 12_000; i++) {
        assertThat(client.call("SET", "snack:security:throttle:" + i, value, "EX", "600"))
            .isEqualTo("OK");
      }

      long kept = 0;
      for (int i = 0; i < 300; i++) {
        kept += (Long) client.call("EXISTS", "snack:{sn_" + i + "}:like");
      }
      assertThat(kept).as("reaction sets kept").isEqualTo(300);
      assertThat((Long) client.call("DBSIZE")).as("expiring keys evicted").isLessThan(12_300);
    } finally {
      redis.stop(Duration.ofSeconds(10));
    }
  }

  /** Just enough of the Redis protocol for the test: commands out, replies in. */
  private static final class Resp implements AutoCloseable {

    private final Socket socket = new Socket();
    private final OutputStream out;
    private final InputStream in;

    Resp(int port) throws IOException {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream());
    }

    Object call(String... arguments) throws IOException {
      StringBuilder command = new StringBuilder("*").append(arguments.length).append("\r\n");
      for (String argument : arguments) {
        byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
        command.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
      }
      out.write(command.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return reply();
    }

    private Object reply() throws IOException {
      String line = line();
      switch (line.charAt(0)) {
        case '+':
          return line.substring(1);
        case ':':
          return Long.parseLong(line.substring(1));
        case '$':
          int length = Integer.parseInt(line.substring(1));
          if (length < 0) {
            return null;
          }
          byte[] bytes = in.readNBytes(length + 2);
          return new String(bytes, 0, length, StandardCharsets.UTF_8);
        case '*':
          List<Object> items = new ArrayList<>();
          for (int i = Integer.parseInt(line.substring(1)); i > 0; i--) {
            items.add(reply());
          }
          return items;
        default:
          throw new IOException("Redis answered " + line);
      }
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != '\r') {
        if (c < 0) {
          throw new IOException("Redis closed the connection");
        }
        line.append((char) c);
      }
      in.read(); // \n
      return line.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
