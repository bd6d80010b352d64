package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnackViewTest {

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
