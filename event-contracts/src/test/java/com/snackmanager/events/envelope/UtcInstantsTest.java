package com.snackmanager.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The producers' instants read without Jackson's formatter; everything else left to Jackson. */
class UtcInstantsTest {

  private final EventCodec codec = new EventCodec();

  @Test
  void readsEveryInstantAsJavaDoesWithAnyNumberOfFractionDigits() {
    Random random = new Random(20261206);
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
      String full = DateTimeFormatter.ISO_INSTANT.format(instant);
      assertThat(UtcInstants.parse(full)).isEqualTo(Instant.parse(full));
      // the same second with 0 to 9 fraction digits
      String seconds = full.substring(0, 19);
      String fraction = "%09d".formatted(instant.getNano());
      for (int digits = 0; digits <= 9; digits++) {
        String text = seconds + (digits == 0 ? "" : "." + fraction.substring(0, digits)) + "Z";
        assertThat(UtcInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-06T07:55:38+09:00",
        "2026-12-06T07:55:38.5+00:00",
        "2026-12-06 07:55:38Z",
        "2026-12-06T07:55:38.Z",
        "2026-12-06T07:55:38.1234567890Z",
        "2026-12-06T24:00:00Z",
        "2026-12-06T07:60:00Z",
        "2026-12-06T23:59:60Z",
        "2026-02-30T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "+12026-12-06T07:55:38Z",
        "2026-1x-06T07:55:38Z",
        "2026-12-06T07:55:38.12a4Z",
        "yesterday"
      })
  void leavesAnyOtherFormToJackson(String text) {
    assertThat(UtcInstants.parse(text)).isNull();
  }

  @Test
  void theCodecStillReadsOffsetsAndRefusesInvalidDatesAsBefore() {
    String envelope =
        "{\"event_id\":\"0b6f3a52-8d1e-4c57-9a0e-3f1d2c4b5a61\",\"event_type\":\"x\","
            + "\"event_version\":1,\"occurred_at\":\"%s\",\"aggregate_id\":\"1\",\"payload\":{}}";

    assertThat(codec.decode(envelope.formatted("2026-12-06T16:55:38+09:00")).occurredAt())
        .isEqualTo(Instant.parse("2026-12-06T07:55:38Z"));
    assertThat(codec.decode(envelope.formatted("2026-12-06T07:55:38.25Z")).occurredAt())
        .isEqualTo(Instant.parse("2026-12-06T07:55:38.250Z"));
    assertThatThrownBy(() -> codec.decode(envelope.formatted("2026-02-30T00:00:00Z")))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith("Not an event envelope");
  }
}
