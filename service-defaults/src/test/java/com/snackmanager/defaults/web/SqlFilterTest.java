package com.snackmanager.defaults.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlFilterTest {

  @Test
  void onlyTheFiltersGivenBecomeConditions() {
    assertThat(new SqlFilter().and("uid = :uid", "uid", null).sql()).isEmpty();
    assertThat(
            new SqlFilter()
                .and("uid = :uid", "uid", "sn_1")
                .and("status = :status", "status", null)
                .and("owner_id = :owner", "owner", 7L)
                .sql())
        .isEqualTo(" WHERE uid = :uid AND owner_id = :owner");
  }

  @Test
  void searchesMatchTextLiterally() {
    assertThat(SqlFilter.containing("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
    assertThat(SqlFilter.containing("초코")).isEqualTo("%초코%");
    assertThat(SqlFilter.containing("  ")).isNull();
    assertThat(SqlFilter.containing(null)).isNull();
  }
}
