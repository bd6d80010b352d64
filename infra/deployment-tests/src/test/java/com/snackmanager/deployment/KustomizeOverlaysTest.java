package com.snackmanager.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay of k8s/, rendered by `kubectl kustomize`, checked against the invariants.
 */
class KustomizeOverlaysTest {

  /** The labels the network policies select PostgreSQL, Redis and Kafka pods by. */
  static final Function<String, Map<String, Object>> INFRASTRUCTURE =
      name -> Map.of("snack-manager.io/infrastructure", name);

  static List<String> overlays() {
    return Rendered.overlays();
  }

  static Rendered prod() {
    return Rendered.overlay("prod");
  }

  @Test
  void thereAreADevAndAProdOverlay() {
    assertThat(overlays()).contains("dev", "prod");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void rendersEveryService(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    assertThat(rendered.serviceDeployments().stream().map(Rendered::name))
        .containsExactlyInAnyOrderElementsOf(Suite.names());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyDeploymentHasLivenessAndReadinessProbes(String overlay) {
    for (Map<String, Object> deployment : Rendered.overlay(overlay).ofKind("Deployment")) {
      for (Map<String, Object> container : Rendered.mainContainers(deployment)) {
        String what = overlay + " " + Rendered.name(deployment) + "/" + container.get("name");
        assertThat(container).as(what).containsKeys("livenessProbe", "readinessProbe");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainerHasRequestsAndLimits(String overlay) {
    for (Map<String, Object> workload : Rendered.overlay(overlay).workloads()) {
      for (Map<String, Object> container : Rendered.containers(workload)) {
        String what = overlay + " " + Rendered.name(workload) + "/" + container.get("name");
        assertThat(Yamls.at(container, "resources", "requests", "cpu"))
            .as(what + " cpu request")
            .isPresent();
        assertThat(Yamls.at(container, "resources", "requests", "memory"))
            .as(what + " memory request")
            .isPresent();
        assertThat(Yamls.at(container, "resources", "limits", "cpu"))
            .as(what + " cpu limit")
            .isPresent();
        assertThat(Yamls.at(container, "resources", "limits", "memory"))
            .as(what + " memory limit")
            .isPresent();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainerRunsHardened(String overlay) {
    for (Map<String, Object> workload : Rendered.overlay(overlay).workloads()) {
      Map<String, Object> pod = Rendered.podSpec(workload);
      for (Map<String, Object> container : Rendered.containers(workload)) {
        String what = overlay + " " + Rendered.name(workload) + "/" + container.get("name");
        Object runAsNonRoot =
            Yamls.at(container, "securityContext", "runAsNonRoot")
                .or(() -> Yamls.at(pod, "securityContext", "runAsNonRoot"))
                .orElse(null);
        assertThat(runAsNonRoot).as(what + " runAsNonRoot").isEqualTo(true);
        assertThat(Yamls.at(container, "securityContext", "readOnlyRootFilesystem"))
            .as(what + " readOnlyRootFilesystem")
            .contains(true);
        assertThat(Yamls.at(container, "securityContext", "allowPrivilegeEscalation"))
            .as(what + " allowPrivilegeEscalation")
            .contains(false);
        assertThat(Yamls.listAt(container, "securityContext", "capabilities", "drop"))
            .as(what + " capabilities dropped")
            .contains("ALL");
        Object seccomp =
            Yamls.at(container, "securityContext", "seccompProfile", "type")
                .or(() -> Yamls.at(pod, "securityContext", "seccompProfile", "type"))
                .orElse(null);
        assertThat(seccomp).as(what + " seccomp profile").isEqualTo("RuntimeDefault");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void servicesProbeTheActuatorAndWriteOnlyToTmp(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    for (Map<String, Object> deployment : rendered.serviceDeployments()) {
      Suite.Service service = Suite.service(Rendered.name(deployment));
      Map<String, Object> container = Rendered.mainContainers(deployment).get(0);
      String what = overlay + " " + service.name();
      assertThat(Yamls.string(container, "livenessProbe", "httpGet", "path"))
          .as(what)
          .isEqualTo("/actuator/health/liveness");
      assertThat(Yamls.string(container, "readinessProbe", "httpGet", "path"))
          .as(what)
          .isEqualTo("/actuator/health/readiness");
      for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        assertThat(Yamls.string(container, probe, "httpGet", "port"))
            .as(what + " " + probe + " asks the management port")
            .isEqualTo("management");
      }
      assertThat(Yamls.listAt(container, "ports"))
          .as(what + " management port")
          .anySatisfy(
              port -> {
                assertThat(Yamls.string(port, "name")).isEqualTo("management");
                assertThat(Yamls.string(port, "containerPort"))
                    .isEqualTo(String.valueOf(Suite.MANAGEMENT_PORT));
              });
      assertThat(
              Yamls.string(
                  deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"))
          .as(what + " is scraped on the management port")
          .isEqualTo(String.valueOf(Suite.MANAGEMENT_PORT));
      assertThat(Yamls.listAt(rendered.get("Service", service.name()), "spec", "ports"))
          .as(what + ": the Service (what the gateway and the Ingress reach) has no actuator")
          .noneSatisfy(
              port ->
                  assertThat(Yamls.string(port, "targetPort"))
                      .isIn("management", String.valueOf(Suite.MANAGEMENT_PORT)));
      assertThat(Yamls.listAt(container, "ports"))
          .as(what + " container port")
          .anySatisfy(
              port ->
                  assertThat(Yamls.string(port, "containerPort"))
                      .isEqualTo(String.valueOf(service.port())));
      String tmpVolume =
          Yamls.listAt(container, "volumeMounts").stream()
              .filter(mount -> "/tmp".equals(Yamls.string(mount, "mountPath")))
              .map(mount -> Yamls.string(mount, "name"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(what + " mounts nothing at /tmp"));
      assertThat(Yamls.listAt(Rendered.podSpec(deployment), "volumes"))
          .as(what + " /tmp is an emptyDir")
          .anySatisfy(
              volume -> {
                assertThat(Yamls.string(volume, "name")).isEqualTo(tmpVolume);
                assertThat(Yamls.map(volume, "volume")).containsKey("emptyDir");
              });
      assertThat(Yamls.string(container, "image")).as(what).contains("/" + service.name() + ":");
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void servicesAreConfiguredFromConfigMapsAndSecrets(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    Map<String, Object> common = Yamls.mapAt(rendered.configMap("snack-common"), "data");
    assertThat(common)
        .as(overlay + " snack-common")
        .containsKeys("SNACK_DB_URL", "SNACK_KAFKA_BOOTSTRAP", "SNACK_JWKS_URI")
        .containsEntry("SNACK_JWKS_URI", "http://auth-service:8081/auth/jwks/");
    for (Suite.Service service : Suite.SERVICES) {
      Map<String, Object> own = Yamls.mapAt(rendered.configMap(service.name() + "-config"), "data");
      assertThat(own)
          .as(overlay + " " + service.name())
          .containsEntry("SERVER_PORT", String.valueOf(service.port()));
      Map<String, Object> container =
          Rendered.mainContainers(rendered.get("Deployment", service.name())).get(0);
      assertThat(
              Yamls.listAt(container, "envFrom").stream()
                  .map(from -> Yamls.string(from, "configMapRef", "name")))
          .as(overlay + " " + service.name() + " envFrom")
          .contains(
              Rendered.name(rendered.configMap("snack-common")),
              Rendered.name(rendered.configMap(service.name() + "-config")));
      if (service.usesPostgres()) {
        assertThat(own).containsEntry("SNACK_DB_USER", service.databaseRole().orElseThrow());
        Map<String, Object> password = env(container, "SNACK_DB_PASSWORD");
        assertThat(Yamls.string(password, "valueFrom", "secretKeyRef", "name"))
            .as(overlay + " " + service.name() + " password Secret")
            .startsWith("snack-db-credentials");
        assertThat(Yamls.string(password, "valueFrom", "secretKeyRef", "key"))
            .isEqualTo(service.passwordKey());
      }
    }
    Map<String, Object> gateway = Yamls.mapAt(rendered.configMap("gateway-config"), "data");
    for (Suite.Service service : Suite.SERVICES) {
      if (!service.name().equals("gateway")) {
        assertThat(gateway)
            .containsEntry(
                service.urlVariable(), "http://" + service.name() + ":" + service.port());
      }
    }
    Suite.Service snackService = Suite.service("snack-service");
    for (String reader : Suite.CATALOG_READERS) {
      assertThat(Yamls.mapAt(rendered.configMap(reader + "-config"), "data"))
          .as(overlay + ": the " + reader + "'s catalog read-through")
          .containsEntry(snackService.urlVariable(), "http://snack-service:" + snackService.port());
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyDeploymentHasAMatchingServiceAndServiceAccount(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
      String name = Rendered.name(deployment);
      Map<String, Object> podLabels =
          Yamls.mapAt(deployment, "spec", "template", "metadata", "labels");
      Map<String, Object> service = rendered.get("Service", name);
      Map<String, Object> selector = Yamls.mapAt(service, "spec", "selector");
      assertThat(podLabels)
          .as(overlay + " Service " + name + " selects the Deployment's pods")
          .containsAllEntriesOf(selector);
      Set<String> containerPorts = new LinkedHashSet<>();
      for (Map<String, Object> container : Rendered.mainContainers(deployment)) {
        for (Object port : Yamls.listAt(container, "ports")) {
          containerPorts.add(Yamls.string(port, "containerPort"));
          Optional.ofNullable(Yamls.string(port, "name")).ifPresent(containerPorts::add);
        }
      }
      for (Object port : Yamls.listAt(service, "spec", "ports")) {
        String target =
            Optional.ofNullable(Yamls.string(port, "targetPort"))
                .orElse(Yamls.string(port, "port"));
        assertThat(containerPorts)
            .as(overlay + " Service " + name + " targets a container port")
            .contains(target);
      }
      String account = Yamls.string(Rendered.podSpec(deployment), "serviceAccountName");
      assertThat(account).as(overlay + " " + name + " serviceAccountName").isEqualTo(name);
      assertThat(rendered.find("ServiceAccount", account))
          .as(overlay + " ServiceAccount " + account)
          .isPresent();
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void noImageFloats(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    for (Map<String, Object> workload : rendered.workloads()) {
      for (Map<String, Object> container : Rendered.containers(workload)) {
        String image = Yamls.string(container, "image");
        assertThat(Images.isPinned(image))
            .as(overlay + " " + Rendered.name(workload) + " image " + image)
            .isTrue();
      }
    }
    for (Map<String, Object> cluster : rendered.ofKind("Cluster")) {
      String image = Yamls.string(cluster, "spec", "imageName");
      assertThat(Images.isPinned(image)).as(overlay + " CloudNativePG image " + image).isTrue();
    }
  }

  @Test
  void prodRunsReleasedImages() {
    for (Map<String, Object> deployment : prod().serviceDeployments()) {
      String image = Yamls.string(Rendered.mainContainers(deployment).get(0), "image");
      assertThat(Images.tag(image)).as("prod " + image).doesNotContain("SNAPSHOT");
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void networkPoliciesLetOnlyTheIntendedPodsIn(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    NetworkPolicies policies = new NetworkPolicies(rendered);
    assertThat(policies.hasDefaultDenyIngress()).as(overlay + " default deny").isTrue();
    for (Suite.Service service : Suite.SERVICES) {
      Set<String> expected = new TreeSet<>();
      if (service.name().equals("auth-service")) {
        expected.addAll(Suite.names()); // every service reads the JWKS (auth-service itself too)
      } else if (!service.name().equals("gateway")) {
        expected.add("gateway");
      }
      if (service.name().equals("snack-service")) {
        expected.addAll(Suite.CATALOG_READERS); // the catalog read-through
      }
      assertThat(
              policies.podsAllowedInto(
                  Map.of("app.kubernetes.io/name", service.name()), service.port()))
          .as(overlay + ": pods of the namespace that may reach " + service.name())
          .isEqualTo(expected);
      Map<String, Object> pods = Map.of("app.kubernetes.io/name", service.name());
      assertThat(policies.namespacesAllowedInto(pods, Suite.MANAGEMENT_PORT))
          .as(overlay + ": Prometheus reaches " + service.name() + "'s management port")
          .contains("monitoring");
      assertThat(policies.podsAllowedInto(pods, Suite.MANAGEMENT_PORT))
          .as(overlay + ": no pod of the namespace reaches " + service.name() + "'s actuator")
          .isEmpty();
      if (!service.name().equals("gateway")) {
        assertThat(policies.namespacesAllowedInto(pods, service.port()))
            .as(overlay + ": no other namespace reaches " + service.name() + "'s API")
            .isEmpty();
      }
    }
    assertThat(policies.namespacesAllowedInto(Map.of("app.kubernetes.io/name", "gateway"), 8080))
        .as(overlay + ": the gateway takes traffic from the ingress controller")
        .contains("ingress-nginx");
    Set<String> databaseClients = new TreeSet<>(Set.of("snack-db-init"));
    Set<String> kafkaClients = new TreeSet<>();
    for (Suite.Service service : Suite.SERVICES) {
      if (service.usesPostgres()) {
        databaseClients.add(service.name());
      }
      if (service.usesKafka()) {
        kafkaClients.add(service.name());
      }
    }
    assertThat(policies.podsAllowedInto(INFRASTRUCTURE.apply("postgres"), 5432))
        .as(overlay + ": who may reach PostgreSQL")
        .isEqualTo(databaseClients);
    assertThat(policies.podsAllowedInto(INFRASTRUCTURE.apply("redis"), 6379))
        .as(overlay + ": who may reach Redis")
        .isEqualTo(new TreeSet<>(Suite.names()));
    assertThat(policies.podsAllowedInto(INFRASTRUCTURE.apply("kafka"), kafkaPort(rendered)))
        .as(overlay + ": who may reach Kafka")
        .isEqualTo(kafkaClients);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void infrastructurePodsCarryTheLabelsThePoliciesSelect(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    Map<String, Map<String, Object>> podLabels = new HashMap<>();
    for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
      podLabels.put(
          "Deployment " + Rendered.name(deployment),
          Yamls.mapAt(deployment, "spec", "template", "metadata", "labels"));
    }
    for (Map<String, Object> cluster : rendered.ofKind("Cluster")) {
      podLabels.put(
          "Cluster " + Rendered.name(cluster),
          Yamls.mapAt(cluster, "spec", "inheritedMetadata", "labels"));
    }
    for (Map<String, Object> pool : rendered.ofKind("KafkaNodePool")) {
      podLabels.put(
          "KafkaNodePool " + Rendered.name(pool),
          Yamls.mapAt(pool, "spec", "template", "pod", "metadata", "labels"));
    }
    for (String infrastructure : List.of("postgres", "kafka")) {
      assertThat(podLabels.values())
          .as(overlay + ": some pods are " + infrastructure + " for the network policies")
          .anySatisfy(
              labels ->
                  assertThat(labels).containsAllEntriesOf(INFRASTRUCTURE.apply(infrastructure)));
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void thePostgresJobRunsTheSharedSchemaFile(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    Map<String, Object> job = rendered.get("Job", "snack-db-init");
    String sqlConfigMap =
        Yamls.listAt(Rendered.podSpec(job), "volumes").stream()
            .map(volume -> Yamls.string(volume, "configMap", "name"))
            .filter(Objects::nonNull)
            .findFirst()
            .orElseThrow(() -> new AssertionError(overlay + " the Job mounts no ConfigMap"));
    Map<String, Object> data = Yamls.mapAt(rendered.get("ConfigMap", sqlConfigMap), "data");
    assertThat(data.get("01-schemas-and-roles.sql"))
        .as(overlay + ": the ConfigMap is generated from " + Suite.SCHEMA_SQL + " itself")
        .isEqualTo(Repository.read(Suite.SCHEMA_SQL));
    Map<String, Object> psql = Rendered.mainContainers(job).get(0);
    List<String> args = Yamls.listAt(psql, "args").stream().map(String::valueOf).toList();
    assertThat(args).contains("ON_ERROR_STOP=1");
    for (String variable : ComposeFileTest.psqlVariables()) {
      String arg =
          args.stream()
              .filter(candidate -> candidate.startsWith(variable + "="))
              .findFirst()
              .orElseThrow(() -> new AssertionError(overlay + " psql gets no -v " + variable));
      Matcher reference = Pattern.compile("\\$\\(([A-Z_]+)\\)").matcher(arg);
      assertThat(reference.find()).as(arg).isTrue();
      assertThat(Yamls.string(env(psql, reference.group(1)), "valueFrom", "secretKeyRef", "name"))
          .as(overlay + " " + variable + " from the credentials Secret")
          .startsWith("snack-db-credentials");
    }
  }

  @Test
  void prodRunsKafkaOnStrimziWithTheSuiteTopicsKeptForever() {
    Rendered prod = prod();
    List<Map<String, Object>> kafkas = prod.ofKind("Kafka");
    assertThat(kafkas).hasSize(1);
    String cluster = Rendered.name(kafkas.get(0));
    assertThat(Yamls.string(kafkas.get(0), "spec", "kafka", "config", "auto.create.topics.enable"))
        .isEqualTo("false");
    assertThat(prod.ofKind("KafkaNodePool"))
        .as("KRaft node pool of " + cluster)
        .anySatisfy(
            pool -> {
              assertThat(Yamls.string(pool, "metadata", "labels", "strimzi.io/cluster"))
                  .isEqualTo(cluster);
              assertThat(Yamls.listAt(pool, "spec", "roles")).contains("controller", "broker");
            });
    Map<String, Map<String, Object>> topics = new HashMap<>();
    for (Map<String, Object> topic : prod.ofKind("KafkaTopic")) {
      topics.put(Yamls.string(topic, "spec", "topicName"), topic);
    }
    for (String name : Suite.TOPICS) {
      for (String topicName : List.of(name, name + ".dlt")) {
        Map<String, Object> topic = topics.get(topicName);
        assertThat(topic).as("KafkaTopic " + topicName).isNotNull();
        assertThat(Yamls.string(topic, "metadata", "labels", "strimzi.io/cluster"))
            .isEqualTo(cluster);
        assertThat(Integer.parseInt(Yamls.string(topic, "spec", "partitions"))).isPositive();
        assertThat(Yamls.string(topic, "spec", "config", "retention.ms"))
            .as(topicName + " retention.ms")
            .isEqualTo("-1");
      }
      // a dead-lettered record keeps its partition number
      assertThat(Yamls.string(topics.get(name + ".dlt"), "spec", "partitions"))
          .as(name + ".dlt partitions")
          .isEqualTo(Yamls.string(topics.get(name), "spec", "partitions"));
    }
    assertThat(Yamls.mapAt(prod.configMap("snack-common"), "data"))
        .containsEntry("SNACK_KAFKA_BOOTSTRAP", cluster + "-kafka-bootstrap:" + kafkaPort(prod));
  }

  @Test
  void prodRunsPostgresOnCloudNativePg() {
    Rendered prod = prod();
    List<Map<String, Object>> clusters = prod.ofKind("Cluster");
    assertThat(clusters).hasSize(1);
    Map<String, Object> cluster = clusters.get(0);
    assertThat(Yamls.string(cluster, "apiVersion")).startsWith("postgresql.cnpg.io/");
    String name = Rendered.name(cluster);
    String database = Yamls.string(cluster, "spec", "bootstrap", "initdb", "database");
    // then TLS parameters (ProductionOverlayTest)
    assertThat(
            String.valueOf(Yamls.mapAt(prod.configMap("snack-common"), "data").get("SNACK_DB_URL")))
        .startsWith("jdbc:postgresql://" + name + "-rw:5432/" + database + "?");
    assertThat(Yamls.mapAt(prod.configMap("snack-db-init"), "data"))
        .containsEntry("PGHOST", name + "-rw")
        .containsEntry("PGDATABASE", database);
    assertThat(Yamls.string(cluster, "spec", "enableSuperuserAccess")).isEqualTo("true");
    Map<String, Object> psql = Rendered.mainContainers(prod.get("Job", "snack-db-init")).get(0);
    assertThat(Yamls.string(env(psql, "PGPASSWORD"), "valueFrom", "secretKeyRef", "name"))
        .as("the operator's superuser Secret")
        .isEqualTo(name + "-superuser");
  }

  @Test
  void prodAutoscalesTheGatewayAndTheReactionService() {
    Rendered prod = prod();
    Set<String> scaled = new TreeSet<>();
    for (Map<String, Object> hpa : prod.ofKind("HorizontalPodAutoscaler")) {
      scaled.add(Yamls.string(hpa, "spec", "scaleTargetRef", "name"));
      assertThat(Integer.parseInt(Yamls.string(hpa, "spec", "minReplicas")))
          .isGreaterThanOrEqualTo(2);
    }
    assertThat(scaled).containsExactlyInAnyOrder("gateway", "reaction-service");
    for (Map<String, Object> deployment : prod.serviceDeployments()) {
      Optional<Object> replicas = Yamls.at(deployment, "spec", "replicas");
      if (scaled.contains(Rendered.name(deployment))) {
        assertThat(replicas)
            .as(Rendered.name(deployment) + " replicas are the autoscaler's")
            .isEmpty();
      } else {
        assertThat(Integer.parseInt(String.valueOf(replicas.orElse(1))))
            .as(Rendered.name(deployment) + " replicas")
            .isGreaterThanOrEqualTo(2);
      }
    }
  }

  @Test
  void prodHasADisruptionBudgetPerService() {
    Rendered prod = prod();
    for (Suite.Service service : Suite.SERVICES) {
      assertThat(prod.ofKind("PodDisruptionBudget"))
          .as("PodDisruptionBudget of " + service.name())
          .anySatisfy(
              pdb ->
                  assertThat(Yamls.mapAt(pdb, "spec", "selector", "matchLabels"))
                      .containsEntry("app.kubernetes.io/name", service.name()));
    }
  }

  @Test
  void prodIngressReachesOnlyTheGatewayApi() {
    List<Map<String, Object>> ingresses = prod().ofKind("Ingress");
    assertThat(ingresses).isNotEmpty();
    Set<String> paths = new TreeSet<>();
    for (Map<String, Object> ingress : ingresses) {
      for (Object rule : Yamls.listAt(ingress, "spec", "rules")) {
        for (Object path : Yamls.listAt(rule, "http", "paths")) {
          assertThat(Yamls.string(path, "backend", "service", "name")).isEqualTo("gateway");
          paths.add(Yamls.string(path, "path"));
        }
      }
    }
    assertThat(paths)
        .contains("/auth", "/checks", "/snacks", "/orders", "/statistics", "/api/schema")
        .noneMatch(path -> path.equals("/") || path.startsWith("/actuator"));
  }

  /** dev has no snack-jwt Secret: the auth-service keeps the key it made on a claim. */
  @Test
  void devKeepsTheAuthServicesOwnSigningKeyOnAClaim() {
    Rendered dev = Rendered.overlay("dev");
    Map<String, Object> deployment = dev.get("Deployment", "auth-service");
    Map<String, Object> auth = Rendered.mainContainers(deployment).get(0);
    String file = Yamls.string(env(auth, "SNACK_JWT_GENERATED_KEY_FILE"), "value");
    String mount =
        Yamls.listAt(auth, "volumeMounts").stream()
            .filter(m -> file.startsWith(Yamls.string(m, "mountPath") + "/"))
            .map(m -> Yamls.string(m, "name"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing mounted where " + file + " is"));
    String claim =
        Yamls.listAt(Rendered.podSpec(deployment), "volumes").stream()
            .filter(volume -> mount.equals(Yamls.string(volume, "name")))
            .map(volume -> Yamls.string(volume, "persistentVolumeClaim", "claimName"))
            .findFirst()
            .orElse(null);
    assertThat(claim).as("the key's volume outlives the pod").isNotNull();
    assertThat(dev.find("PersistentVolumeClaim", claim)).isPresent();
    assertThat(Yamls.string(deployment, "spec", "strategy", "type"))
        .as("a ReadWriteOnce claim: the old pod goes before the new one mounts it")
        .isEqualTo("Recreate");
    assertThat(
            Rendered.mainContainers(prod().get("Deployment", "auth-service"))
                .get(0)
                .get("env")
                .toString())
        .as("prod signs with its Secret only")
        .doesNotContain("SNACK_JWT_GENERATED_KEY_FILE");
  }

  @Test
  void prodCommitsNoSecretsAndRequiresTheSigningKey() {
    Rendered prod = prod();
    assertThat(prod.ofKind("Secret")).as("Secrets in the prod render").isEmpty();
    Map<String, Object> auth =
        Rendered.mainContainers(prod.get("Deployment", "auth-service")).get(0);
    Map<String, Object> key = env(auth, "SNACK_JWT_PRIVATE_KEY");
    assertThat(Yamls.string(key, "valueFrom", "secretKeyRef", "name")).isEqualTo("snack-jwt");
    assertThat(Yamls.string(key, "valueFrom", "secretKeyRef", "optional")).isNotEqualTo("true");
    // every Secret prod needs is explained in the deployment docs
    String docs = Repository.read("docs/deployment.md");
    Set<String> secrets = new TreeSet<>();
    for (Map<String, Object> workload : prod.workloads()) {
      for (Map<String, Object> container : Rendered.containers(workload)) {
        for (Object variable : Yamls.listAt(container, "env")) {
          Optional.ofNullable(Yamls.string(variable, "valueFrom", "secretKeyRef", "name"))
              .ifPresent(secrets::add);
        }
      }
    }
    assertThat(secrets).isNotEmpty().allSatisfy(secret -> assertThat(docs).contains(secret));
  }

  /** The port the services reach Kafka on, from the bootstrap address they are given. */
  static int kafkaPort(Rendered rendered) {
    String bootstrap =
        String.valueOf(
            Yamls.mapAt(rendered.configMap("snack-common"), "data").get("SNACK_KAFKA_BOOTSTRAP"));
    return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
  }

  static Map<String, Object> env(Map<String, Object> container, String name) {
    return Yamls.listAt(container, "env").stream()
        .map(variable -> Yamls.map(variable, "env"))
        .filter(variable -> name.equals(variable.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(container.get("name") + " has no env " + name));
  }
}
