package com.snackmanager.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The real snack fixtures (Korean names, KRW prices, JPEG pictures) the snack-service ships. */
final class Fixtures {

  private static final Path DIR =
      Path.of("")
          .toAbsolutePath()
          .getParent()
          .resolve("snack-service/src/main/resources/demo/snacks");

  private Fixtures() {}

  /** One fixture snack. */
  record Snack(String name, String url, String desc, String image, long price, String currency) {

    byte[] imageBytes() {
      try {
        return Files.readAllBytes(DIR.resolve(image));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The same snack under a name no other test uses (names are unique in the catalog). */
    Map<String, String> uniqueFields() {
      return Map.of(
          "name", name + " #" + UUID.randomUUID().toString().substring(0, 8),
          "url", url,
          "desc", desc,
          "currency", currency,
          "price", Long.toString(price));
    }
  }

  static List<Snack> snacks() {
    try {
      JsonNode all = Api.JSON.readTree(Files.readString(DIR.resolve("snacks.json")));
      return all.valueStream()
          .map(
              s ->
                  new Snack(
                      s.path("name").asString(),
                      s.path("url").asString(),
                      s.path("desc").asString(),
                      s.path("image").asString(),
                      s.path("price").asLong(),
                      s.path("currency").asString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
