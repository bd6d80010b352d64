package com.snackmanager.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One k8s overlay as {@code kubectl kustomize} renders it, with lookups over its objects. */
record Rendered(String overlay, List<Map<String, Object>> objects) {

  private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

  /**
   * Renders {@code k8s/overlays/<overlay>}. The load restrictor is off because the postgres-init
   * component reads infra/postgres/01-schemas-and-roles.sql, outside k8s/ (the docs say the same).
   */
  static Rendered overlay(String overlay) {
    return CACHE.computeIfAbsent(overlay, Rendered::render);
  }

  /** The overlays under k8s/overlays. */
  static List<String> overlays() {
    try (Stream<Path> dirs = Files.list(Repository.path("k8s/overlays"))) {
      return dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Rendered render(String overlay) {
    Path kubectl =
        Commands.find("kubectl", "/usr/bin/kubectl", "/usr/local/bin/kubectl")
            .orElseThrow(
                () ->
                    new AssertionError(
                        "kubectl is not installed (not on the PATH, not /usr/bin/kubectl): these tests"
                            + " render k8s/ offline with `kubectl kustomize`. Install kubectl"
                            + " (it bundles kustomize) and run them again."));
    // the default load restrictor, as `kubectl apply -k` uses it
    List<String> command = List.of(kubectl.toString(), "kustomize", "k8s/overlays/" + overlay);
    Commands.Result result = Commands.run(command, Repository.root(), Duration.ofMinutes(2));
    assertThat(result.exitCode())
        .as(String.join(" ", command) + " failed:\n" + result.output())
        .isZero();
    return new Rendered(overlay, Repository.yamlDocuments(result.output()));
  }

  List<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
  }

  Optional<Map<String, Object>> find(String kind, String name) {
    return ofKind(kind).stream().filter(object -> name.equals(name(object))).findFirst();
  }

  Map<String, Object> get(String kind, String name) {
    return find(kind, name)
        .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
  }

  /** A ConfigMap by its name before kustomize's hash suffix. */
  Map<String, Object> configMap(String name) {
    return ofKind("ConfigMap").stream()
        .filter(map -> name(map).matches(Pattern.quote(name) + "(-[a-z0-9]{10})?"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(overlay + " renders no ConfigMap " + name));
  }

  static String name(Map<String, Object> object) {
    return Yamls.string(object, "metadata", "name");
  }

  static Map<String, Object> podSpec(Map<String, Object> workload) {
    return Yamls.mapAt(workload, "spec", "template", "spec");
  }

  /** The containers and init containers of a workload. */
  static List<Map<String, Object>> containers(Map<String, Object> workload) {
    Map<String, Object> pod = podSpec(workload);
    List<Map<String, Object>> containers = new ArrayList<>();
    for (String key : List.of("initContainers", "containers")) {
      for (Object container : Yamls.listAt(pod, key)) {
        containers.add(Yamls.map(container, key));
      }
    }
    return containers;
  }

  static List<Map<String, Object>> mainContainers(Map<String, Object> workload) {
    return Yamls.listAt(podSpec(workload), "containers").stream()
        .map(container -> Yamls.map(container, "container"))
        .toList();
  }

  /** The six services' Deployments. */
  List<Map<String, Object>> serviceDeployments() {
    return ofKind("Deployment").stream()
        .filter(
            deployment ->
                "service"
                    .equals(
                        Yamls.string(
                            deployment, "metadata", "labels", "app.kubernetes.io/component")))
        .toList();
  }

  /** Deployments and Jobs: everything that runs containers. */
  List<Map<String, Object>> workloads() {
    List<Map<String, Object>> workloads = new ArrayList<>(ofKind("Deployment"));
    workloads.addAll(ofKind("StatefulSet"));
    workloads.addAll(ofKind("Job"));
    return workloads;
  }

  @Override
  public String toString() {
    return overlay;
  }
}
