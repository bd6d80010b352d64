package com.snackmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.testsupport.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real standalone broker from {@code target/kafka-libs}, as {@code ./suite up} does. */
class KafkaBrokerIT {

  @TempDir Path dir;

  @Test
  void startsTheStandaloneBrokerThatTakesTopicsAndStopsIt() throws Exception {
    int port = FreePorts.find();
    int controllerPort = FreePorts.find();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    KafkaBroker broker =
        KafkaBroker.start(
            KafkaBroker.defaultLibs(),
            dir,
            port,
            controllerPort,
            dir.resolve("kafka.log"),
            java,
            () -> false);
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
      admin
          .createTopics(List.of(new NewTopic("snack.runner-it.v1", 3, (short) 1)))
          .all()
          .get(20, TimeUnit.SECONDS);

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> admin.listTopics().names().get().contains("snack.runner-it.v1"));
    } finally {
      broker.stop();
    }

    assertThat(broker.process().isAlive()).isFalse();
    assertThat(dir.resolve("data").resolve("meta.properties")).exists();
    assertThat(dir.resolve("server.properties")).content().contains("127.0.0.1:" + port);
  }
}
