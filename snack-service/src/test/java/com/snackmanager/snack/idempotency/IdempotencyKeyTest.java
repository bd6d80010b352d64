package com.snackmanager.snack.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.web.ApiException;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  @Test
  void aKeyIsOneTo255VisibleAsciiCharacters() {
    assertThat(IdempotencyKey.parse(null)).isNull();
    assertThat(IdempotencyKey.parse(" 0b8e5a3e-1c51-4c7a ").value())
        .isEqualTo("0b8e5a3e-1c51-4c7a");
    assertThat(IdempotencyKey.parse("k".repeat(255)).value()).hasSize(255);
    for (String bad : new String[] {"", "k".repeat(256), "with space", "키"}) {
      assertThatThrownBy(() -> IdempotencyKey.parse(bad)).as(bad).isInstanceOf(ApiException.class);
    }
  }
}
