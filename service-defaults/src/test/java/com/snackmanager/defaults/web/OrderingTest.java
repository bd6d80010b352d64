package com.snackmanager.defaults.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.snackmanager.defaults.web.Ordering.Key;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderingTest {

  private static final Set<String> ALLOWED = Set.of("name", "price", "created_at");
  private static final List<Key> FALLBACK = List.of(new Key("created_at", true));

  @Test
  void keysInTheirOrderEachOnce() {
    assertThat(Ordering.parse("-price, name,price", ALLOWED, FALLBACK))
        .containsExactly(new Key("price", true), new Key("name", false));
    assertThat(Ordering.parse(null, ALLOWED, FALLBACK)).isEqualTo(FALLBACK);
    assertThat(Ordering.parse("  ", ALLOWED, FALLBACK)).isEqualTo(FALLBACK);
  }

  @Test
  void unknownAndEmptyFieldsAre400sNamingOrdering() {
    for (String raw : List.of(",", ",,,", "name,", ",name", "name,,price", "-", "name,-")) {
      ApiException refused =
          catchThrowableOfType(ApiException.class, () -> Ordering.parse(raw, ALLOWED, FALLBACK));
      assertThat(refused).as(raw).isNotNull();
      assertThat(refused.status().value()).isEqualTo(400);
      assertThat(refused.errors()).containsOnlyKeys("ordering");
      assertThat(refused.detail()).startsWith("Empty ordering field");
    }
    ApiException unknown =
        catchThrowableOfType(ApiException.class, () -> Ordering.parse("stauts", ALLOWED, FALLBACK));
    assertThat(unknown.detail()).startsWith("Unknown ordering field \"stauts\"");
  }
}
