package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Docs that stay true: every relative link in the README and docs/ names a path that exists. */
class DocumentedPathsTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
  private final Path root = Path.of("").toAbsolutePath().getParent();

  @Test
  void everyRelativeLinkPointsAtAnExistingPath() throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).forEach(documents::add);
    }
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path document : documents) {
      Matcher matcher = LINK.matcher(Files.readString(document));
      while (matcher.find()) {
        String target = matcher.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // http:, mailto: and the like
        }
        Path resolved = document.getParent().resolve(target).normalize();
        if (!resolved.startsWith(root)) {
          continue; // beside the repository (../shared): not this project's to keep
        }
        checked++;
        if (!Files.exists(resolved)) {
          broken.add(root.relativize(document) + " -> " + target);
        }
      }
    }
    assertThat(checked).as("links checked").isPositive();
    assertThat(broken).as("links to paths that do not exist").isEmpty();
  }
}
