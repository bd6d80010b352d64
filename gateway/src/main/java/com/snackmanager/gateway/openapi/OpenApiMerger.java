package com.snackmanager.gateway.openapi;

import com.snackmanager.defaults.openapi.ApiTags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' documents into one: their paths, schemas, security schemes and tags (in
 * {@link ApiTags#ORDER}, the order a frontend meets them), plus a bearer-JWT scheme required
 * globally and the gateway as the only server. Services that did not answer are named in {@code
 * x-unavailable-services}.
 *
 * <p>Two services may each have a schema of the same name and different shape (an error body, say);
 * the later one is renamed with its service's prefix ({@code SnackServiceError}) and its references
 * are rewritten, so every operation keeps pointing at its own schema.
 */
final class OpenApiMerger {

  static final String BEARER = "bearerAuth";
  static final String UNAVAILABLE = "x-unavailable-services";
  private static final String SCHEMA_REF = "#/components/schemas/";

  private OpenApiMerger() {}

  static ObjectNode merge(List<ServiceDocument> documents) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode merged = json.objectNode();
    merged.put("openapi", openApiVersion(documents));
    ObjectNode info = merged.putObject("info");
    info.put("title", "Snack Manager API");
    info.put("version", "v1");
    info.put(
        "description",
        "Every service of the suite behind the gateway. Authorize with an access token from"
            + " POST /auth/token/.");
    merged.putArray("servers").addObject().put("url", "/");
    merged.putArray("security").addObject().putArray(BEARER);
    ArrayNode tags = merged.putArray("tags");
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    ObjectNode schemes = components.putObject("securitySchemes");
    ObjectNode bearer = schemes.putObject(BEARER);
    bearer.put("type", "http");
    bearer.put("scheme", "bearer");
    bearer.put("bearerFormat", "JWT");
    ArrayNode unavailable = merged.putArray(UNAVAILABLE);

    Map<String, JsonNode> tagsByName = new LinkedHashMap<>();
    for (ServiceDocument service : documents) {
      if (!service.available()) {
        unavailable.add(service.service());
        continue;
      }
      JsonNode document = withoutCollisions(service, schemas);
      copyAbsent(document.path("paths"), paths);
      copyAbsent(document.path("components").path("schemas"), schemas);
      copyAbsent(document.path("components").path("securitySchemes"), schemes);
      for (JsonNode tag : document.path("tags")) {
        tagsByName.putIfAbsent(tag.path("name").asString(""), tag);
      }
    }
    tagsByName.entrySet().stream()
        .sorted(Comparator.comparingInt(tag -> ApiTags.rank(tag.getKey())))
        .forEach(tag -> tags.add(tag.getValue()));
    return merged;
  }

  private static String openApiVersion(List<ServiceDocument> documents) {
    return documents.stream()
        .filter(ServiceDocument::available)
        .map(d -> d.document().path("openapi").asString(""))
        .filter(v -> !v.isEmpty())
        .findFirst()
        .orElse("3.1.0");
  }

  /** The service's document, with its schemas renamed where they clash with ones already taken. */
  private static JsonNode withoutCollisions(ServiceDocument service, ObjectNode taken) {
    JsonNode own = service.document().path("components").path("schemas");
    Map<String, String> renames = new HashMap<>();
    for (Map.Entry<String, JsonNode> schema : own.properties()) {
      JsonNode existing = taken.get(schema.getKey());
      if (existing != null && !existing.equals(schema.getValue())) {
        String renamed = prefix(service.service()) + schema.getKey();
        for (int i = 2; taken.has(renamed) || own.has(renamed); i++) {
          renamed = prefix(service.service()) + schema.getKey() + i;
        }
        renames.put(schema.getKey(), renamed);
      }
    }
    if (renames.isEmpty()) {
      return service.document();
    }
    JsonNode copy = service.document().deepCopy();
    rewriteReferences(copy, renames);
    ObjectNode schemas = (ObjectNode) copy.path("components").path("schemas");
    for (Map.Entry<String, String> rename : renames.entrySet()) {
      schemas.set(rename.getValue(), schemas.remove(rename.getKey()));
    }
    return copy;
  }

  private static void rewriteReferences(JsonNode node, Map<String, String> renames) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isString() && ref.stringValue().startsWith(SCHEMA_REF)) {
        String target = renames.get(ref.stringValue().substring(SCHEMA_REF.length()));
        if (target != null) {
          object.put("$ref", SCHEMA_REF + target);
        }
      }
      for (JsonNode child : new ArrayList<>(object.values())) {
        rewriteReferences(child, renames);
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode child : array) {
        rewriteReferences(child, renames);
      }
    }
  }

  /** {@code snack-service} → {@code SnackService}. */
  static String prefix(String service) {
    StringBuilder prefix = new StringBuilder();
    for (String part : service.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        prefix.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return prefix.toString();
  }

  private static void copyAbsent(JsonNode from, ObjectNode into) {
    for (Map.Entry<String, JsonNode> entry : from.properties()) {
      into.putIfAbsent(entry.getKey(), entry.getValue());
    }
  }
}
