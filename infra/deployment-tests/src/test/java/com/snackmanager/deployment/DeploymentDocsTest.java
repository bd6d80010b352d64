package com.snackmanager.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/deployment.md: its links lead somewhere, and it gives the commands it promises. */
class DeploymentDocsTest {

  static final String DOC = "docs/deployment.md";
  static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  @Test
  void everyLinkedPathExists() {
    Path doc = Repository.path(DOC);
    List<String> missing = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    Matcher matcher = LINK.matcher(Repository.read(DOC));
    while (matcher.find()) {
      String target = matcher.group(1);
      if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
        continue; // a URL (https:, mailto:) or an anchor in the page itself
      }
      String file = target.replaceFirst("#.*$", "");
      Path resolved = doc.getParent().resolve(file).normalize();
      checked.add(target);
      if (!Files.exists(resolved)) {
        missing.add(target);
      }
    }
    assertThat(checked).as("links into the repository").isNotEmpty();
    assertThat(missing).as("links of " + DOC + " to nothing").isEmpty();
  }

  @Test
  void explainsComposeKustomizeAndScaling() {
    String doc = Repository.read(DOC);
    assertThat(doc)
        .contains("cp .env.example .env")
        .contains("./mvnw -B -DskipTests package")
        .contains("docker compose up -d")
        .contains("k8s/overlays/prod")
        .contains("Strimzi")
        .contains("CloudNativePG")
        .containsIgnoringCase("scal");
  }
}
