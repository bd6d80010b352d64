package com.snackmanager.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NetworkPolicies of a render, evaluated: which workloads of the namespace (by their pod
 * labels) and which other namespaces may open a connection to given pods on a given port.
 */
final class NetworkPolicies {

  private final Rendered rendered;
  private final List<Map<String, Object>> policies;

  NetworkPolicies(Rendered rendered) {
    this.rendered = rendered;
    this.policies = rendered.ofKind("NetworkPolicy");
  }

  boolean hasDefaultDenyIngress() {
    return policies.stream()
        .anyMatch(
            policy ->
                Yamls.mapAt(policy, "spec", "podSelector").isEmpty()
                    && Yamls.listAt(policy, "spec", "policyTypes").contains("Ingress")
                    && Yamls.listAt(policy, "spec", "ingress").isEmpty());
  }

  /**
   * Names of the workloads (Deployments, Jobs) whose pods may connect to {@code target}:{@code
   * port}.
   */
  Set<String> podsAllowedInto(Map<String, Object> target, int port) {
    Set<String> allowed = new TreeSet<>();
    for (Map<String, Object> peer : peersInto(target, port)) {
      if (peer.containsKey("namespaceSelector") || peer.containsKey("ipBlock")) {
        continue; // other namespaces / addresses: not this namespace's pods
      }
      Map<String, Object> selector = Yamls.map(peer.get("podSelector"), "podSelector");
      for (Map<String, Object> workload : rendered.workloads()) {
        Map<String, Object> labels =
            Yamls.mapAt(workload, "spec", "template", "metadata", "labels");
        if (matches(selector, labels)) {
          allowed.add(Rendered.name(workload));
        }
      }
    }
    return allowed;
  }

  /** The {@code kubernetes.io/metadata.name} of the namespaces allowed in. */
  Set<String> namespacesAllowedInto(Map<String, Object> target, int port) {
    Set<String> namespaces = new TreeSet<>();
    for (Map<String, Object> peer : peersInto(target, port)) {
      Yamls.at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")
          .ifPresent(name -> namespaces.add(String.valueOf(name)));
    }
    return namespaces;
  }

  private List<Map<String, Object>> peersInto(Map<String, Object> target, int port) {
    List<Map<String, Object>> peers = new ArrayList<>();
    for (Map<String, Object> policy : policies) {
      if (!matches(Yamls.mapAt(policy, "spec", "podSelector"), target)) {
        continue;
      }
      for (Object rule : Yamls.listAt(policy, "spec", "ingress")) {
        List<Object> ports = Yamls.listAt(rule, "ports");
        boolean portAllowed =
            ports.isEmpty()
                || ports.stream()
                    .anyMatch(p -> String.valueOf(port).equals(Yamls.string(p, "port")));
        if (!portAllowed) {
          continue;
        }
        List<Object> from = Yamls.listAt(rule, "from");
        if (from.isEmpty()) {
          peers.add(Map.of("podSelector", Map.of())); // from anywhere
          peers.add(Map.of("namespaceSelector", Map.of()));
        }
        for (Object peer : from) {
          peers.add(Yamls.map(peer, "peer"));
        }
      }
    }
    return peers;
  }

  /** The egress policies that select pods with these labels (their traffic out is then limited). */
  List<Map<String, Object>> egressPoliciesOf(Map<String, Object> podLabels) {
    return policies.stream()
        .filter(policy -> Yamls.listAt(policy, "spec", "policyTypes").contains("Egress"))
        .filter(policy -> matches(Yamls.mapAt(policy, "spec", "podSelector"), podLabels))
        .toList();
  }

  /**
   * May pods with {@code podLabels} connect to pods of this namespace with {@code targetLabels} on
   * {@code port}? Only meaningful for pods that {@link #egressPoliciesOf have egress policies}.
   */
  boolean egressAllows(Map<String, Object> podLabels, Map<String, Object> targetLabels, int port) {
    for (Map<String, Object> rule : egressRules(podLabels, port)) {
      List<Object> to = Yamls.listAt(rule, "to");
      if (to.isEmpty()) {
        return true; // any destination, on these ports
      }
      for (Object peer : to) {
        if (Yamls.map(peer, "peer").containsKey("podSelector")
            && !Yamls.map(peer, "peer").containsKey("namespaceSelector")
            && matches(Yamls.mapAt(peer, "podSelector"), targetLabels)) {
          return true;
        }
      }
    }
    return false;
  }

  /** May pods with {@code podLabels} reach pods labelled {@code labels} in {@code namespace}? */
  boolean egressAllowsInto(
      Map<String, Object> podLabels, String namespace, Map<String, Object> labels, int port) {
    for (Map<String, Object> rule : egressRules(podLabels, port)) {
      for (Object peer : Yamls.listAt(rule, "to")) {
        Optional<Object> name =
            Yamls.at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
        Map<String, Object> pods =
            Yamls.at(peer, "podSelector").map(p -> Yamls.map(p, "podSelector")).orElse(Map.of());
        if (name.isPresent() && namespace.equals(name.get()) && matches(pods, labels)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every egress rule that applies to these pods and names {@code port} (or no port at all). */
  private List<Map<String, Object>> egressRules(Map<String, Object> podLabels, int port) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Map<String, Object> policy : egressPoliciesOf(podLabels)) {
      for (Object rule : Yamls.listAt(policy, "spec", "egress")) {
        List<Object> ports = Yamls.listAt(rule, "ports");
        if (ports.isEmpty()
            || ports.stream().anyMatch(p -> String.valueOf(port).equals(Yamls.string(p, "port")))) {
          rules.add(Yamls.map(rule, "egress rule"));
        }
      }
    }
    return rules;
  }

  /**
   * Does a label selector (matchLabels, matchExpressions In/NotIn/Exists/DoesNotExist) select these
   * labels?
   */
  static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
    for (Map.Entry<String, Object> required :
        Yamls.at(selector, "matchLabels")
            .map(m -> Yamls.map(m, "matchLabels"))
            .orElse(Map.of())
            .entrySet()) {
      if (!String.valueOf(required.getValue())
          .equals(String.valueOf(labels.get(required.getKey())))) {
        return false;
      }
    }
    for (Object raw : Yamls.listAt(selector, "matchExpressions")) {
      String key = Yamls.string(raw, "key");
      String operator = Yamls.string(raw, "operator");
      List<String> values = Yamls.listAt(raw, "values").stream().map(String::valueOf).toList();
      Object value = labels.get(key);
      boolean ok =
          switch (operator) {
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            case "In" -> value != null && values.contains(String.valueOf(value));
            case "NotIn" -> value == null || !values.contains(String.valueOf(value));
            default -> throw new AssertionError("unknown selector operator " + operator);
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
