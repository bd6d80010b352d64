package com.snackmanager.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one Dockerfile every service image is built from, and what goes into its build context. */
class DockerfileTest {

  static final List<String> LINES = instructions(Repository.read("Dockerfile"));

  @Test
  void baseImagesArePinnedJava17Runtimes() {
    Set<String> stages = new HashSet<>();
    List<String> bases = new ArrayList<>();
    for (String line : LINES) {
      if (keyword(line).equals("FROM")) {
        String[] words = line.split("\\s+");
        String image = words[1];
        if (words.length >= 4 && words[2].equalsIgnoreCase("AS")) {
          stages.add(words[3]);
        }
        if (!stages.contains(image)) {
          bases.add(image);
        }
      }
    }
    assertThat(bases).isNotEmpty();
    for (String image : bases) {
      assertThat(Images.isPinned(image)).as(image + " pinned by tag").isTrue();
      assertThat(Images.tag(image)).as(image).startsWith("17").contains("jre");
    }
  }

  @Test
  void runsAsAnUnprivilegedNumericUser() {
    List<String> users = LINES.stream().filter(line -> keyword(line).equals("USER")).toList();
    assertThat(users).as("USER instruction").isNotEmpty();
    String user = users.get(users.size() - 1).substring("USER".length()).strip();
    String uid = user.split(":")[0];
    assertThat(uid).as("numeric, so Kubernetes' runAsNonRoot can check it").matches("\\d+");
    assertThat(Integer.parseInt(uid)).as("uid").isPositive();
  }

  @Test
  void copiesTheJarOfTheModuleGivenAsBuildArgument() {
    assertThat(LINES).contains("ARG MODULE");
    Matcher version = Pattern.compile("ARG VERSION=(\\S+)").matcher(String.join("\n", LINES));
    assertThat(version.find()).as("ARG VERSION=<suite version>").isTrue();
    assertThat(version.group(1)).as("the jars' version").isEqualTo(Repository.suiteVersion());
    assertThat(LINES)
        .anySatisfy(
            line -> assertThat(line).startsWith("COPY ${MODULE}/target/${MODULE}-${VERSION}.jar "));
  }

  @Test
  void healthAndEntryPoint() {
    assertThat(LINES)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("HEALTHCHECK")
                    .contains(
                        ":${MANAGEMENT_SERVER_PORT:-"
                            + Suite.MANAGEMENT_PORT
                            + "}/actuator/health/"));
    assertThat(LINES).anySatisfy(line -> assertThat(line).startsWith("ENTRYPOINT [\"java\""));
  }

  @Test
  void theBuildContextHoldsOnlyTheJars() {
    List<String> ignore =
        Repository.read(".dockerignore")
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    assertThat(ignore).startsWith("*").contains("!*/target/*.jar");
  }

  /** A new Spring Boot service in the root pom must be deployed too. */
  @Test
  void everyBootApplicationOfTheBuildIsDeployed() {
    List<String> applications =
        Repository.modules().stream()
            .filter(
                module -> Repository.read(module + "/pom.xml").contains("spring-boot-maven-plugin"))
            .toList();
    assertThat(applications).containsExactlyInAnyOrderElementsOf(Suite.names());
  }

  /** Instructions with continuation lines joined and comments dropped. */
  static List<String> instructions(String dockerfile) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : dockerfile.lines().toList()) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      result.add(current.toString().replaceAll("\\s+", " ").strip());
      current.setLength(0);
    }
    return result;
  }

  static String keyword(String instruction) {
    return instruction.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
  }
}
