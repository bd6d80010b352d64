package com.snackmanager.defaults.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/** The declaration's own logic; what the chain built from it answers is in ServiceDefaultsIT. */
class ServiceAccessTest {

  private static boolean matches(ServerWebExchangeMatcher matcher, HttpMethod method, String path) {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.method(method, path));
    return matcher.matches(exchange).block().isMatch();
  }

  @Test
  void aTokenIsIgnoredOnTheOpenEndpointsOnly() {
    ServiceAccess access =
        ServiceAccess.builder()
            .open("/auth/sign-up", "/auth/token")
            .open(HttpMethod.GET, "/snacks/*/image")
            .openCheckingToken(HttpMethod.HEAD, "/snacks/*/image")
            .admin("/auth/users/**")
            .otherwiseAuthenticated();
    ServerWebExchangeMatcher ignored = access.tokenIgnoredOn().orElseThrow();

    assertThat(matches(ignored, HttpMethod.POST, "/auth/sign-up")).isTrue();
    assertThat(matches(ignored, HttpMethod.GET, "/auth/token")).isTrue();
    assertThat(matches(ignored, HttpMethod.GET, "/snacks/sn_1/image")).isTrue();
    assertThat(matches(ignored, HttpMethod.HEAD, "/snacks/sn_1/image")).isFalse();
    assertThat(matches(ignored, HttpMethod.PATCH, "/snacks/sn_1/image")).isFalse();
    assertThat(matches(ignored, HttpMethod.GET, "/auth/users/7")).isFalse();
    assertThat(matches(ignored, HttpMethod.GET, "/actuator/health")).isFalse();
  }

  @Test
  void withoutOpenEndpointsEveryTokenIsLookedAt() {
    ServiceAccess access =
        ServiceAccess.builder().admin(HttpMethod.POST, "/statistics/rebuild").otherwiseMember();

    assertThat(access.tokenIgnoredOn()).isEmpty();
    assertThat(access.otherwise()).isEqualTo(ServiceAccess.Otherwise.MEMBER);
  }

  @Test
  void aRuleNamesAtLeastOnePath() {
    ServiceAccess.Builder builder = ServiceAccess.builder();

    assertThatThrownBy(() -> builder.open(HttpMethod.GET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.admin()).isInstanceOf(IllegalArgumentException.class);
  }
}
