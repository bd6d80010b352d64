package com.snackmanager.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's files, found from wherever the tests run (the module or the repository root).
 */
final class Repository {

  private static final Path ROOT = findRoot();

  private Repository() {}

  static Path root() {
    return ROOT;
  }

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static String read(String relative) {
    Path file = path(relative);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /**
   * One YAML (or JSON) document as maps and lists. Merge keys ({@code <<: *anchor}) are applied.
   */
  static Map<String, Object> yaml(String relative) {
    return Yamls.map(yaml().load(read(relative)), relative);
  }

  /** Every document of a multi-document YAML stream, empty documents left out. */
  static List<Map<String, Object>> yamlDocuments(String text) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : yaml().loadAll(text)) {
      if (document != null) {
        documents.add(Yamls.map(document, "document"));
      }
    }
    return documents;
  }

  /** The suite's version, from the root pom (it names the service jars the images copy). */
  static String suiteVersion() {
    Matcher matcher =
        Pattern.compile(
                "<artifactId>snack-manager</artifactId>\\s*<version>([^<]+)</version>",
                Pattern.MULTILINE)
            .matcher(read("pom.xml"));
    if (!matcher.find()) {
      throw new IllegalStateException("The root pom names no snack-manager version");
    }
    return matcher.group(1).trim();
  }

  /** The root pom's modules. */
  static List<String> modules() {
    Matcher matcher = Pattern.compile("<module>([^<]+)</module>").matcher(read("pom.xml"));
    List<String> modules = new ArrayList<>();
    while (matcher.find()) {
      modules.add(matcher.group(1).trim());
    }
    return modules;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(16 * 1024 * 1024);
    return new Yaml(options);
  }

  private static Path findRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(pom)) {
        try {
          String text = Files.readString(pom, StandardCharsets.UTF_8);
          if (text.contains("<artifactId>snack-manager</artifactId>")
              && text.contains("<packaging>pom</packaging>")) {
            return dir;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "Cannot find the Snack Manager repository root above " + Path.of("").toAbsolutePath());
  }
}
