package com.snackmanager.snack.web;

import com.snackmanager.defaults.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON request body into {@link SnackInput}. The body is read as a tree rather than bound
 * to a record, so that each field's type is checked here with a message naming it ({@code "price":
 * true} is a 400 on {@code price}, {@code "name": 12} is not silently the text "12"), and so that a
 * PATCH can tell an absent field from a {@code null} one. Numbers keep every digit.
 */
public final class JsonInput {

  public static final String MALFORMED = "Malformed JSON request body.";

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonInput() {}

  /**
   * @param body the request body; {@code null} or blank counts as an empty object
   * @throws ApiException 400 if it is not a JSON object
   */
  public static SnackInput parse(String body) {
    if (body == null || body.isBlank()) {
      return SnackInput.empty();
    }
    JsonNode tree;
    try {
      tree = tree(body);
    } catch (JacksonException e) {
      throw ApiException.badRequest(MALFORMED);
    }
    if (tree == null || !tree.isObject()) {
      throw ApiException.badRequest("The request body must be a JSON object.");
    }
    return fields(tree);
  }

  /**
   * JSON text as a tree, numbers as exact decimals.
   *
   * @throws JacksonException if it is not JSON
   */
  public static JsonNode tree(String json) {
    return MAPPER.readTree(json);
  }

  /** The fields of a JSON object. */
  public static SnackInput fields(JsonNode tree) {
    Map<String, InputValue> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      fields.put(field.getKey(), value(field.getValue()));
    }
    return new SnackInput(fields);
  }

  private static InputValue value(JsonNode node) {
    if (node.isNull()) {
      return new InputValue.Null();
    }
    if (node.isString()) {
      return new InputValue.Text(node.stringValue());
    }
    if (node.isNumber()) {
      return new InputValue.Number(node.decimalValue());
    }
    return new InputValue.Other(node.isBoolean() ? "boolean" : node.isArray() ? "array" : "object");
  }
}
