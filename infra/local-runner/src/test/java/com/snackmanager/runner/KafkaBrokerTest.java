package com.snackmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  @Test
  void configuresASingleNodeKraftBrokerOnLoopback() throws IOException {
    Properties properties = new Properties();
    properties.load(
        new StringReader(
            KafkaBroker.serverProperties(29092, 29093, Path.of("/suite/.run/kafka/data"))));

    assertThat(properties)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093")
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:29092")
        .containsEntry("controller.listener.names", "CONTROLLER")
        .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:29093")
        .containsEntry("log.dirs", "/suite/.run/kafka/data")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("share.coordinator.state.topic.replication.factor", "1")
        .containsEntry("default.replication.factor", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("auto.create.topics.enable", "false");
  }
}
