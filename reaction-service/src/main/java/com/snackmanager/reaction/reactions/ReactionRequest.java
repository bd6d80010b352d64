package com.snackmanager.reaction.reactions;

import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.reaction.reactions.domain.Reaction;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"type": "LIKE" | "HATE"}}. Read as a JSON node, so that a number or a boolean is refused
 * as such (an enum would take {@code 0} as its first constant, a string field {@code 1} as "1").
 */
public record ReactionRequest(
    @Schema(
            type = "string",
            allowableValues = {"LIKE", "HATE"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        JsonNode type) {

  static final String FIELD = "type";

  /**
   * @throws ApiException (400 naming the field) unless {@code type} is the string LIKE or HATE
   */
  Reaction reaction() {
    if (type == null || type.isNull() || type.isMissingNode()) {
      throw ApiException.invalidField(FIELD, "type: This field is required.");
    }
    if (!type.isString()) {
      throw ApiException.invalidField(FIELD, "type: Must be a string, \"LIKE\" or \"HATE\".");
    }
    Reaction reaction = Reaction.named(type.asString());
    if (reaction == null) {
      throw ApiException.invalidField(
          FIELD, "type: \"" + type.asString() + "\" is not a valid choice; use LIKE or HATE.");
    }
    return reaction;
  }
}
