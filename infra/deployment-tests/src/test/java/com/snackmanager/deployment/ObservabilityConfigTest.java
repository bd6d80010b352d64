package com.snackmanager.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prometheus scraping and the provisioned Grafana dashboard, as docker-compose mounts them. */
class ObservabilityConfigTest {

  static final String DASHBOARD = "infra/grafana/dashboards/snack-manager.json";

  @Test
  void prometheusScrapesEveryServicesActuatorOnItsManagementPort() {
    Map<String, Object> prometheus = Repository.yaml("infra/prometheus/prometheus.yml");
    Set<String> targets = new HashSet<>();
    for (Object job : Yamls.listAt(prometheus, "scrape_configs")) {
      if ("/actuator/prometheus".equals(Yamls.string(job, "metrics_path"))) {
        for (Object config : Yamls.listAt(job, "static_configs")) {
          Yamls.listAt(config, "targets").forEach(target -> targets.add(String.valueOf(target)));
        }
      }
    }
    for (Suite.Service service : Suite.SERVICES) {
      assertThat(targets).contains(service.name() + ":" + Suite.MANAGEMENT_PORT);
    }
  }

  @Test
  void composeMountsWhatPrometheusAndGrafanaRead() {
    Map<String, Object> services = Yamls.mapAt(Repository.yaml("docker-compose.yml"), "services");
    List<String> prometheusVolumes =
        ComposeFileTest.strings(Yamls.listAt(services.get("prometheus"), "volumes"));
    assertThat(prometheusVolumes)
        .contains("./infra/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    for (Object rules :
        Yamls.listAt(Repository.yaml("infra/prometheus/prometheus.yml"), "rule_files")) {
      String inContainer = String.valueOf(rules);
      String file = inContainer.substring(inContainer.lastIndexOf('/') + 1);
      assertThat(Files.isRegularFile(Repository.path("infra/prometheus/" + file)))
          .as(file)
          .isTrue();
      assertThat(prometheusVolumes)
          .contains("./infra/prometheus/" + file + ":" + inContainer + ":ro");
    }
    List<String> grafanaVolumes =
        ComposeFileTest.strings(Yamls.listAt(services.get("grafana"), "volumes"));
    assertThat(grafanaVolumes)
        .contains("./infra/grafana/provisioning:/etc/grafana/provisioning:ro");
    String dashboardsDir =
        Yamls.string(
            Yamls.listAt(
                    Repository.yaml("infra/grafana/provisioning/dashboards/snack-manager.yml"),
                    "providers")
                .get(0),
            "options",
            "path");
    assertThat(grafanaVolumes).contains("./infra/grafana/dashboards:" + dashboardsDir + ":ro");
    Map<String, Object> datasource =
        Yamls.map(
            Yamls.listAt(
                    Repository.yaml("infra/grafana/provisioning/datasources/prometheus.yml"),
                    "datasources")
                .get(0),
            "datasource");
    assertThat(datasource)
        .containsEntry("type", "prometheus")
        .containsEntry("url", "http://prometheus:9090");
  }

  @Test
  void everyAlertRuleIsCompleteAndDeadLettersAreAlertedPerTopic() {
    Map<String, String> expressions = new HashMap<>();
    for (Object group : Yamls.listAt(Repository.yaml("infra/prometheus/alerts.yml"), "groups")) {
      for (Object rule : Yamls.listAt(group, "rules")) {
        String alert = Yamls.string(rule, "alert");
        assertThat(alert).as("an alert rule's name").isNotBlank();
        assertThat(Yamls.string(rule, "expr")).as(alert + ": expr").isNotBlank();
        assertThat(Yamls.string(rule, "labels", "severity")).as(alert + ": severity").isNotBlank();
        assertThat(Yamls.string(rule, "annotations", "summary"))
            .as(alert + ": summary")
            .isNotBlank();
        assertThat(expressions.put(alert, Yamls.string(rule, "expr")))
            .as("unique " + alert)
            .isNull();
      }
    }
    // SnackDeadLetterRecoverer counts snack.events.dead.lettered{topic, reason}
    assertThat(expressions.get("SnackEventsDeadLettered"))
        .as("the dead-letter alert")
        .contains("increase(snack_events_dead_lettered_total[")
        .contains("by (application, topic, reason)");
  }

  @Test
  void theDashboardShowsTheGoldenSignalsPerService() {
    Map<String, Object> dashboard = Repository.yaml(DASHBOARD);
    List<Map<String, Object>> panels = new ArrayList<>();
    for (Object panel : Yamls.listAt(dashboard, "panels")) {
      panels.add(Yamls.map(panel, "panel"));
    }
    Set<Object> ids = new HashSet<>();
    List<String> expressions = new ArrayList<>();
    for (Map<String, Object> panel : panels) {
      assertThat(ids.add(panel.get("id"))).as("unique panel id " + panel.get("id")).isTrue();
      assertThat(panel).containsKey("gridPos");
      for (Object target : Yamls.listAt(panel, "targets")) {
        String expr = Yamls.string(target, "expr");
        expressions.add(expr);
        assertThat(expr).as(panel.get("title") + ": per service").contains("application");
      }
    }
    assertThat(expressions)
        .as("throughput")
        .anySatisfy(e -> assertThat(e).contains("rate(http_server_requests_seconds_count"))
        .as("p50 latency")
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("histogram_quantile(0.5,")
                    .contains("http_server_requests_seconds_bucket"))
        .as("p99 latency")
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("histogram_quantile(0.99,")
                    .contains("http_server_requests_seconds_bucket"))
        .as("5xx error rate")
        .anySatisfy(e -> assertThat(e).contains("status=~\"5..\""))
        .as("JVM memory")
        .anySatisfy(e -> assertThat(e).contains("jvm_memory_used_bytes"))
        .as("Kafka consumer lag")
        .anySatisfy(e -> assertThat(e).contains("kafka_consumer_fetch_manager_records_lag_max"))
        .as("outbox backlog")
        .anySatisfy(e -> assertThat(e).contains("snack_outbox_backlog"))
        .as("reactions per second")
        .anySatisfy(e -> assertThat(e).contains("rate(snack_reactions_total"))
        .as("orders by status")
        .anySatisfy(e -> assertThat(e).contains("by (status) (snack_orders"));
  }
}
