package com.snackmanager.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
