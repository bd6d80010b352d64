package com.snackmanager.defaults.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class TextWithoutControlCharactersTest {

  record Item(String uid, int quantity) {}

  record Order(List<Item> snacks, String note, List<String> tags, Map<String, String> labels) {}

  private static final JsonMapper MAPPER =
      JsonMapper.builder().addModule(TextWithoutControlCharacters.module()).build();

  @Test
  void ordinaryTextTabsAndLineBreaksAreRead() {
    Order order =
        MAPPER.readValue(
            """
            {"snacks": [{"uid": "snack-1", "quantity": 2}], "note": "line one\\n\\tline two\\r\\n",
             "tags": ["감자깡", "café"], "labels": {"k": "v"}}
            """,
            Order.class);
    assertThat(order.snacks()).containsExactly(new Item("snack-1", 2));
    assertThat(order.note()).isEqualTo("line one\n\tline two\r\n");
    assertThat(order.tags()).containsExactly("감자깡", "café");
  }

  @Test
  void nulAndOtherControlCharactersAreRefusedNamingTheField() {
    assertThat(failurePath("{\"note\": \"a\\u0000b\"}")).isEqualTo("note");
    assertThat(failurePath("{\"snacks\": [{\"uid\": \"\\u0000\", \"quantity\": 1}]}"))
        .isEqualTo("snacks[0].uid");
    assertThat(failurePath("{\"tags\": [\"ok\", \"bell\\u0007\"]}")).isEqualTo("tags[1]");
    assertThat(failurePath("{\"labels\": {\"k\": \"del\\u007f\"}}")).isEqualTo("labels.k");
    assertThat(failurePath("{\"note\": \"escape\\u001b[31m\"}")).isEqualTo("note");
  }

  @Test
  void untypedValuesAreCheckedToo() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"any\": \"a\\u0000\"}", Map.class))
        .isInstanceOf(DatabindException.class);
    assertThat(MAPPER.readValue("{\"any\": \"fine\"}", Map.class)).containsEntry("any", "fine");
  }

  private static String failurePath(String json) {
    try {
      MAPPER.readValue(json, Order.class);
    } catch (DatabindException e) {
      StringBuilder path = new StringBuilder();
      for (var ref : e.getPath()) {
        if (ref.getPropertyName() != null) {
          path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
        } else {
          path.append('[').append(ref.getIndex()).append(']');
        }
      }
      return path.toString();
    }
    throw new AssertionError("accepted: " + json);
  }
}
