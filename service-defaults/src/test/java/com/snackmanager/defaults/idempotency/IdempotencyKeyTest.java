package com.snackmanager.defaults.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class IdempotencyKeyTest {

  @Test
  void aKeyIsOneTo255PrintableAsciiCharactersAfterTrimming() {
    assertThat(IdempotencyKey.parse(null)).isNull();
    assertThat(IdempotencyKey.parse(" 0b8e5a3e-1c51-4c7a ").value())
        .isEqualTo("0b8e5a3e-1c51-4c7a");
    assertThat(IdempotencyKey.parse("k".repeat(255)).value()).hasSize(255);
    assertThat(IdempotencyKey.parse("order 42 of today").value()).isEqualTo("order 42 of today");
    for (String bad : new String[] {"", "   ", "k".repeat(256), "키", "tab\tinside", "nul\0"}) {
      assertThatThrownBy(() -> IdempotencyKey.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(e.getMessage()).isEqualTo(IdempotencyKey.UNUSABLE);
              });
    }
  }

  @Test
  void aFingerprintIsTheHexSha256OfTheCanonicalRequest() {
    assertThat(IdempotentRequests.fingerprint("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(IdempotentRequests.fingerprint("a\u0000b"))
        .isNotEqualTo(IdempotentRequests.fingerprint("a\u0000c"));
  }
}
