package com.snackmanager.defaults.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class EncodedPageTest {

  record Item(String uid, BigDecimal likeRatio, Instant createdAt, String desc) {}

  private final JsonMapper json =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  @Test
  void aPageIsEncodedAsTheMapperWritesTheList() {
    List<Item> items =
        List.of(
            new Item("sn_1", new BigDecimal("0.5"), Instant.parse("2024-01-02T03:04:05Z"), null),
            new Item("sn_2", new BigDecimal("1E+1"), Instant.EPOCH, "짭짤한 \"칩\""));

    EncodedPage page = new EncodedPage.Encoder<>(json, Item.class).encode(items, 42);

    assertThat(page.total()).isEqualTo(42);
    assertThat(page.json()).isEqualTo(json.writeValueAsBytes(items));
    assertThat(new String(page.json(), StandardCharsets.UTF_8))
        .startsWith("[{\"uid\":\"sn_1\",\"like_ratio\":0.5,")
        .contains("\"like_ratio\":10,");
  }

  @Test
  void anEmptyPageIsAnEmptyArray() {
    EncodedPage page = new EncodedPage.Encoder<>(json, Item.class).encode(List.of(), 0);
    assertThat(new String(page.json(), StandardCharsets.UTF_8)).isEqualTo("[]");
  }
}
