package com.snackmanager.reaction.reactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.reaction.reactions.domain.Reaction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReactionRequestTest {

  private static ReactionRequest parse(String json) {
    return JsonMapper.shared().readValue(json, ReactionRequest.class);
  }

  @Test
  void likeAndHateAreTheOnlyChoices() {
    assertThat(parse("{\"type\":\"LIKE\"}").reaction()).isEqualTo(Reaction.LIKE);
    assertThat(parse("{\"type\":\"HATE\"}").reaction()).isEqualTo(Reaction.HATE);
    assertThatThrownBy(() -> parse("{\"type\":\"like\"}").reaction())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.errors()).containsKey("type");
              assertThat(e.detail()).contains("\"like\" is not a valid choice");
            });
  }

  @Test
  void aMissingOrNullTypeIsRequired() {
    for (String json : new String[] {"{}", "{\"type\":null}"}) {
      assertThatThrownBy(() -> parse(json).reaction())
          .isInstanceOf(ApiException.class)
          .hasMessage("type: This field is required.");
    }
  }

  @Test
  void numbersBooleansAndObjectsAreNotStrings() {
    for (String json :
        new String[] {"{\"type\":0}", "{\"type\":1}", "{\"type\":true}", "{\"type\":[\"LIKE\"]}"}) {
      assertThatThrownBy(() -> parse(json).reaction())
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("Must be a string");
    }
  }
}
