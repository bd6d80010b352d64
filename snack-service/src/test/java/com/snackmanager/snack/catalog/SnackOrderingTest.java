package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.web.ApiException;
import org.junit.jupiter.api.Test;

class SnackOrderingTest {

  @Test
  void theDefaultIsRatioThenLikesThenAgeWithTheIdAsTiebreaker() {
    assertThat(SnackOrdering.orderBy(SnackOrdering.parse(null)))
        .isEqualTo("like_ratio DESC, like_reaction_count DESC, created_at, id");
  }

  @Test
  void theTiebreakerFollowsTheLastKeysDirection() {
    assertThat(SnackOrdering.orderBy(SnackOrdering.parse("-like_ratio")))
        .isEqualTo("like_ratio DESC, id DESC");
    assertThat(SnackOrdering.orderBy(SnackOrdering.parse("price"))).isEqualTo("price, id");
    assertThat(SnackOrdering.orderBy(SnackOrdering.parse("-hate_reaction_count,created_at")))
        .isEqualTo("hate_reaction_count DESC, created_at, id");
  }

  @Test
  void uniqueKeysNeedNoTiebreaker() {
    assertThat(SnackOrdering.orderBy(SnackOrdering.parse("-name"))).isEqualTo("name_key DESC");
    assertThat(SnackOrdering.orderBy(SnackOrdering.parse("uid,price"))).isEqualTo("uid");
    assertThat(SnackOrdering.orderBy(SnackOrdering.parse("price,-uid")))
        .isEqualTo("price, uid DESC");
  }

  @Test
  void anUnknownFieldIsA400NamingTheAllowedOnes() {
    assertThatThrownBy(() -> SnackOrdering.parse("-popularity"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("\"popularity\"")
        .hasMessageContaining("like_ratio");
  }
}
