package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnackNameTest {

  @Test
  void namesAreTrimmedAndWhitespaceRunsCollapsed() {
    SnackName name = SnackName.of("\t 농심  감자깡\u00A0 75g \n");
    assertThat(name.display()).isEqualTo("농심 감자깡 75g");
    assertThat(name.key()).isEqualTo("농심 감자깡 75g");
  }

  @Test
  void latinLettersCompareCaseInsensitivelyAndFullWidthAsNarrow() {
    String key = SnackName.of("Pringles Original").key();
    assertThat(SnackName.of("PRINGLES   original ").key()).isEqualTo(key);
    assertThat(SnackName.of("Ｐｒｉｎｇｌｅｓ Ｏｒｉｇｉｎａｌ").key()).isEqualTo(key);
    assertThat(SnackName.of("Pringles\u200B Original").key()).isEqualTo(key);
    assertThat(SnackName.of("Pringles Original!").key()).isNotEqualTo(key);
  }

  @Test
  void hangulComposedOrDecomposedIsOneName() {
    String composed = "신라면";
    String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo(composed);
    assertThat(SnackName.of(decomposed).key()).isEqualTo(SnackName.of(composed).key());
    assertThat(SnackName.of(decomposed).display()).isEqualTo(composed);
  }

  @Test
  void lengthCountsCharactersAsReadersDo() {
    assertThat(SnackName.of("감자깡 🍟").length()).isEqualTo(5);
  }
}
