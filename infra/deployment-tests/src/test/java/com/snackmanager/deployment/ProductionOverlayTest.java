package com.snackmanager.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The production overlay's internals (issue #14): Kafka with a SCRAM user and ACLs per service,
 * PostgreSQL over TLS with the server verified, egress limited to what each pod uses.
 */
class ProductionOverlayTest {

  static final String KAFKA_CA = "snack-kafka-cluster-ca-cert";
  static final String POSTGRES_CA = "snack-db-ca";

  private final Rendered prod = Rendered.overlay("prod");

  private Map<String, Object> common() {
    return Yamls.mapAt(prod.configMap("snack-common"), "data");
  }

  @Test
  void kafkaAcceptsOnlyAuthenticatedUsersOverTlsAndAuthorizesThem() {
    Map<String, Object> kafka = prod.ofKind("Kafka").get(0);
    List<Object> listeners = Yamls.listAt(kafka, "spec", "kafka", "listeners");
    assertThat(listeners).isNotEmpty();
    for (Object listener : listeners) {
      assertThat(Yamls.string(listener, "tls")).as("listener " + listener).isEqualTo("true");
      assertThat(Yamls.string(listener, "authentication", "type"))
          .as("listener " + listener)
          .isEqualTo("scram-sha-512");
    }
    assertThat(Yamls.string(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
    assertThat(common())
        .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
        .containsEntry("SPRING_KAFKA_SSL_TRUSTSTORETYPE", "PEM");
    String port = Yamls.string(listeners.get(0), "port");
    assertThat(String.valueOf(common().get("SNACK_KAFKA_BOOTSTRAP")))
        .isEqualTo(Rendered.name(kafka) + "-kafka-bootstrap:" + port);
  }

  /** Write what it produces, read what it consumes in its group; nothing more. */
  @Test
  void everyKafkaClientHasAUserWhoseAclsAreExactlyWhatItProducesAndConsumes() {
    String cluster = Rendered.name(prod.ofKind("Kafka").get(0));
    Map<String, Map<String, Object>> users = new TreeMap<>();
    prod.ofKind("KafkaUser").forEach(user -> users.put(Rendered.name(user), user));
    Set<String> kafkaClients =
        Suite.SERVICES.stream()
            .filter(Suite.Service::usesKafka)
            .map(Suite.Service::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(users.keySet())
        .as("one KafkaUser per service that uses Kafka")
        .isEqualTo(kafkaClients);
    for (String service : kafkaClients) {
      Map<String, Object> user = users.get(service);
      assertThat(Yamls.string(user, "metadata", "labels", "strimzi.io/cluster")).isEqualTo(cluster);
      assertThat(Yamls.string(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
      assertThat(Yamls.string(user, "spec", "authorization", "type")).isEqualTo("simple");
      assertThat(acls(user))
          .as(service + "'s ACLs")
          .isEqualTo(expectedAcls(KafkaUsage.of(service)));
    }
  }

  private static Map<String, Set<String>> expectedAcls(KafkaUsage usage) {
    Map<String, Set<String>> expected = new TreeMap<>();
    for (String topic : usage.produces()) {
      expected.put("topic " + topic, Set.of("Write", "Describe"));
      expected.put("topic " + topic + ".dlt", Set.of("Describe")); // declared at start-up
    }
    for (String topic : usage.consumes()) {
      expected.put("topic " + topic, Set.of("Read", "Describe"));
      expected.put("topic " + topic + ".dlt", Set.of("Write", "Describe")); // dead letters
    }
    for (String group : usage.groups()) {
      expected.put("group " + group, Set.of("Read", "Describe"));
    }
    return expected;
  }

  private static Map<String, Set<String>> acls(Map<String, Object> user) {
    Map<String, Set<String>> acls = new TreeMap<>();
    for (Object acl : Yamls.listAt(user, "spec", "authorization", "acls")) {
      assertThat(Yamls.string(acl, "resource", "patternType")).as("" + acl).isEqualTo("literal");
      String resource =
          Yamls.string(acl, "resource", "type") + " " + Yamls.string(acl, "resource", "name");
      acls.computeIfAbsent(resource, key -> new TreeSet<>())
          .addAll(Yamls.listAt(acl, "operations").stream().map(String::valueOf).toList());
    }
    return acls;
  }

  @Test
  void eachServiceSignsInToKafkaAsItsOwnUserAndTrustsTheClusterCa() {
    String trustStore =
        String.valueOf(common().get("SPRING_KAFKA_SSL_TRUSTSTORELOCATION")).replace("file:", "");
    for (Map<String, Object> deployment : prod.serviceDeployments()) {
      Suite.Service service = Suite.service(Rendered.name(deployment));
      if (!service.usesKafka()) {
        continue;
      }
      Map<String, Object> container = Rendered.mainContainers(deployment).get(0);
      Map<String, Object> jaas =
          KustomizeOverlaysTest.env(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
      assertThat(Yamls.string(jaas, "valueFrom", "secretKeyRef", "name"))
          .as(service.name() + " signs in as its KafkaUser (the User Operator's Secret)")
          .isEqualTo(service.name());
      assertThat(Yamls.string(jaas, "valueFrom", "secretKeyRef", "key"))
          .isEqualTo("sasl.jaas.config");
      assertMounted(deployment, trustStore, KAFKA_CA);
    }
  }

  @Test
  void theDatabaseUrlsVerifyTheServerAgainstTheClusterCa() {
    String url = String.valueOf(common().get("SNACK_DB_URL"));
    assertThat(url).as("JDBC (Flyway) and, derived from it, R2DBC").contains("sslmode=verify-full");
    String rootCert = parameter(url, "sslrootcert");
    assertThat(parameter(url, "sslRootCert")).as("r2dbc-postgresql's spelling").isEqualTo(rootCert);
    for (Map<String, Object> deployment : prod.serviceDeployments()) {
      if (Suite.service(Rendered.name(deployment)).usesPostgres()) {
        assertMounted(deployment, rootCert, POSTGRES_CA);
      }
    }
    Map<String, Object> init = Yamls.mapAt(prod.configMap("snack-db-init"), "data");
    assertThat(init).containsEntry("PGSSLMODE", "verify-full");
    String jobRootCert = String.valueOf(init.get("PGSSLROOTCERT"));
    Map<String, Object> job = prod.get("Job", "snack-db-init");
    for (Map<String, Object> container : Rendered.containers(job)) {
      assertThat(mountedSecret(job, container, jobRootCert))
          .as("snack-db-init/" + container.get("name") + " has " + jobRootCert)
          .isEqualTo(POSTGRES_CA);
    }
  }

  private static String parameter(String url, String name) {
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(url + " has no " + name);
  }

  private static void assertMounted(Map<String, Object> deployment, String file, String secret) {
    Map<String, Object> container = Rendered.mainContainers(deployment).get(0);
    assertThat(mountedSecret(deployment, container, file))
        .as(Rendered.name(deployment) + " has " + file)
        .isEqualTo(secret);
  }

  /** The Secret whose key is mounted as {@code file} in the container (null if none). */
  private static String mountedSecret(
      Map<String, Object> workload, Map<String, Object> container, String file) {
    for (Object mount : Yamls.listAt(container, "volumeMounts")) {
      String dir = Yamls.string(mount, "mountPath");
      if (!file.startsWith(dir + "/")) {
        continue;
      }
      String name = Yamls.string(mount, "name");
      for (Object volume : Yamls.listAt(Rendered.podSpec(workload), "volumes")) {
        if (name.equals(Yamls.string(volume, "name"))) {
          String key = file.substring(dir.length() + 1);
          boolean hasKey =
              Yamls.listAt(volume, "secret", "items").stream()
                  .anyMatch(item -> key.equals(Yamls.string(item, "path")));
          return hasKey ? Yamls.string(volume, "secret", "secretName") : null;
        }
      }
    }
    return null;
  }

  /**
   * Every Deployment (and the schema Job) may open connections only to DNS, the infrastructure it
   * uses and the services it calls: the auth-service (JWKS) for all, the snack-service for the
   * catalog readers (read-through), every service for the gateway.
   */
  @Test
  void everyPodMayReachOnlyWhatItUses() {
    NetworkPolicies policies = new NetworkPolicies(prod);
    int kafkaPort =
        Integer.parseInt(
            Yamls.string(
                Yamls.listAt(prod.ofKind("Kafka").get(0), "spec", "kafka", "listeners").get(0),
                "port"));
    for (Map<String, Object> workload : prod.workloads()) {
      if (workload.get("kind").equals("Deployment")
          && !prod.serviceDeployments().contains(workload)) {
        continue;
      }
      String name = Rendered.name(workload);
      Map<String, Object> pods = Yamls.mapAt(workload, "spec", "template", "metadata", "labels");
      assertThat(policies.egressPoliciesOf(pods)).as(name + " has an egress policy").isNotEmpty();
      assertThat(policies.egressAllowsInto(pods, "kube-system", Map.of("k8s-app", "kube-dns"), 53))
          .as(name + " resolves names")
          .isTrue();
      boolean isService = workload.get("kind").equals("Deployment");
      Suite.Service self = isService ? Suite.service(name) : null;
      assertThat(
              policies.egressAllows(
                  pods, KustomizeOverlaysTest.INFRASTRUCTURE.apply("postgres"), 5432))
          .as(name + " -> PostgreSQL")
          .isEqualTo(!isService || self.usesPostgres());
      assertThat(
              policies.egressAllows(
                  pods, KustomizeOverlaysTest.INFRASTRUCTURE.apply("kafka"), kafkaPort))
          .as(name + " -> Kafka")
          .isEqualTo(isService && self.usesKafka());
      for (Suite.Service target : Suite.SERVICES) {
        boolean expected =
            isService
                && (name.equals("gateway") && !target.name().equals("gateway")
                    || target.name().equals("auth-service")
                    || Suite.CATALOG_READERS.contains(name)
                        && target.name().equals("snack-service"));
        assertThat(
                policies.egressAllows(
                    pods, Map.of("app.kubernetes.io/name", target.name()), target.port()))
            .as(name + " -> " + target.name())
            .isEqualTo(expected);
      }
      for (Map<String, Object> policy : policies.egressPoliciesOf(pods)) {
        for (Object rule : Yamls.listAt(policy, "spec", "egress")) {
          assertThat(Yamls.listAt(rule, "ports"))
              .as(Rendered.name(policy) + ": every rule names its ports")
              .isNotEmpty();
        }
      }
    }
  }
}
