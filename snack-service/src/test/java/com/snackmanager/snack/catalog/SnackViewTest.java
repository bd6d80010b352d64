package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SnackViewTest {

  @Test
  void ratiosAreShownWithoutTrailingZerosOrExponents() {
    assertThat(SnackView.plain(new BigDecimal("2.333333")).toString()).isEqualTo("2.333333");
    assertThat(SnackView.plain(new BigDecimal("1.500000")).toString()).isEqualTo("1.5");
    assertThat(SnackView.plain(new BigDecimal("70.000000")).toString()).isEqualTo("70");
    assertThat(SnackView.plain(new BigDecimal("0.000000")).toString()).isEqualTo("0");
  }

  @Test
  void uidsAreShortOpaqueAndRecognisable() {
    String uid = SnackUids.next();
    assertThat(uid).matches("sn_[0-9A-Za-z]{10}");
    assertThat(SnackUids.isWellFormed(uid)).isTrue();
    assertThat(SnackUids.isWellFormed("sn_short")).isFalse();
    assertThat(SnackUids.isWellFormed("sn_12345678\u0000x")).isFalse();
    assertThat(SnackUids.next()).isNotEqualTo(uid);
  }

  @Test
  void ifNoneMatchComparesTagsWeaklyAndKnowsTheWildcard() {
    String etag = "\"abc\"";
    assertThat(SnackImageController.matches("\"abc\"", etag)).isTrue();
    assertThat(SnackImageController.matches("W/\"abc\"", etag)).isTrue();
    assertThat(SnackImageController.matches("\"x\", \"abc\"", etag)).isTrue();
    assertThat(SnackImageController.matches("*", etag)).isTrue();
    assertThat(SnackImageController.matches("\"abcd\"", etag)).isFalse();
    assertThat(SnackImageController.matches(null, etag)).isFalse();
  }
}
