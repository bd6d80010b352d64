package com.snackmanager.defaults.web.direct;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.defaults.security.BearerAuthentication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectRouteTest {

  @Test
  void aPlainTargetIsItsPathWithoutTheTrailingSlashAndItsQuery() {
    assertThat(DirectRoute.target("/snacks/abc/reaction/"))
        .isEqualTo(new DirectRoute.Target("/snacks/abc/reaction", ""));
    assertThat(DirectRoute.target("/orders?page=2&page_size=100"))
        .isEqualTo(new DirectRoute.Target("/orders", "?page=2&page_size=100"));
    assertThat(DirectRoute.target("/")).isEqualTo(new DirectRoute.Target("/", ""));
  }

  /** What the full path normalizes or refuses its own way is left to it. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://gateway/snacks",
        "*",
        "/snacks/a%20b",
        "/snacks/a;v=1",
        "/snacks//abc",
        "/snacks/./abc",
        "/snacks/../auth",
        "/snacks?q=%00",
        "/snacks?q=\u0001",
      })
  void urlsTheFullPathNormalizesOrRefusesAreNotTargets(String uri) {
    assertThat(DirectRoute.target(uri)).isNull();
  }

  @Test
  void onlyABearerTokenIsOne() {
    assertThat(BearerAuthentication.bearerToken("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
    assertThat(BearerAuthentication.bearerToken("bearer  abc ")).isEqualTo("abc");
    assertThat(BearerAuthentication.bearerToken(null)).isNull();
    assertThat(BearerAuthentication.bearerToken("Bearer ")).isNull();
    assertThat(BearerAuthentication.bearerToken("Bearer    ")).isNull();
    assertThat(BearerAuthentication.bearerToken("Basic dXNlcjpwdw==")).isNull();
  }
}
