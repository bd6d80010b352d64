package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Docs that stay true, checked in every Markdown file of the project (the README, docs/,
 * SECURITY.md, RELIABILITY.md, BENCHMARKS.md and every module's README): relative links and
 * backticked file paths name files that exist, and a backticked class-like name ({@code
 * OutboxRelay}, {@code KafkaUser}) still appears somewhere in the code or configuration, so
 * renaming or deleting a class fails the build until the docs follow.
 */
class DocumentedPathsTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
  private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
  // two or more capitalised parts: OutboxRelay, SnackEventsDeadLettered (not "README" or "Redis")
  private static final Pattern CLASS_LIKE =
      Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+(?:\\.java)?");
  // a relative path with at least one folder and a file extension, no placeholders or globs
  private static final Pattern FILE_PATH =
      Pattern.compile("[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+\\.[a-z]{1,5}");
  private static final Set<String> SKIPPED_FOLDERS =
      Set.of("target", "node_modules", ".git", ".mvn", ".run", ".run-bench");

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static List<Path> documents;
  private static String code;

  @BeforeAll
  static void readTheProject() throws IOException {
    documents = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(Files::isRegularFile)
          .filter(path -> !inSkippedFolder(path))
          .forEach(
              path -> {
                String name = path.getFileName().toString();
                if (name.endsWith(".md")) {
                  documents.add(path);
                } else if (isText(name)) {
                  text.append(read(path)).append('\n');
                }
              });
    }
    code = text.toString();
  }

  @Test
  void everyRelativeLinkPointsAtAnExistingPath() {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path document : documents) {
      Matcher matcher = LINK.matcher(read(document));
      while (matcher.find()) {
        String target = matcher.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // http:, mailto: and the like
        }
        Path resolved = document.getParent().resolve(target).normalize();
        if (!resolved.startsWith(ROOT)) {
          continue; // beside the repository (../shared): not this project's to keep
        }
        checked++;
        if (!Files.exists(resolved)) {
          broken.add(ROOT.relativize(document) + " -> " + target);
        }
      }
    }
    assertThat(checked).as("links checked").isGreaterThan(20);
    assertThat(broken).as("links to paths that do not exist").isEmpty();
  }

  @Test
  void everyBacktickedFilePathExists() {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Path document : documents) {
      for (String quoted : quoted(document)) {
        if (!FILE_PATH.matcher(quoted).matches()
            || quoted.startsWith("../")
            || quoted.contains("target/")) {
          // not a path, beside the repository (../shared: not this project's to keep), or build
          // output
          continue;
        }
        checked++;
        // from the repository's root or from the document's folder
        if (!Files.exists(ROOT.resolve(quoted))
            && !Files.exists(document.getParent().resolve(quoted))) {
          missing.add(ROOT.relativize(document) + ": `" + quoted + "`");
        }
      }
    }
    assertThat(checked).as("file paths checked").isGreaterThan(10);
    assertThat(missing).as("file paths named in the docs that do not exist").isEmpty();
  }

  @Test
  void everyBacktickedClassNameStillExists() {
    Set<String> gone = new TreeSet<>();
    int checked = 0;
    for (Path document : documents) {
      for (String quoted : quoted(document)) {
        if (!CLASS_LIKE.matcher(quoted).matches()) {
          continue;
        }
        checked++;
        String name = quoted.replace(".java", "");
        if (!Pattern.compile("\\b" + name + "\\b").matcher(code).find()) {
          gone.add(ROOT.relativize(document) + ": `" + quoted + "`");
        }
      }
    }
    assertThat(checked).as("class names checked").isGreaterThan(50);
    assertThat(gone).as("names in the docs that no code or configuration has").isEmpty();
  }

  private static List<String> quoted(Path document) {
    List<String> found = new ArrayList<>();
    Matcher matcher = CODE.matcher(read(document));
    while (matcher.find()) {
      found.add(matcher.group(1).trim());
    }
    return found;
  }

  private static boolean inSkippedFolder(Path path) {
    for (Path part : ROOT.relativize(path)) {
      if (SKIPPED_FOLDERS.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isText(String name) {
    return name.matches(
            ".*\\.(java|yml|yaml|properties|sql|lua|xml|sh|json|conf|js|ts|vue|txt|env|example)$")
        || !name.contains(".");
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (java.nio.charset.MalformedInputException binary) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
