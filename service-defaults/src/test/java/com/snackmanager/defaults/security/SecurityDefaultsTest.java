package com.snackmanager.defaults.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

class SecurityDefaultsTest {

  /** Text of every kind the firewall must judge: ASCII, Korean, emoji, a JWT, controls. */
  private static final String[] SAMPLES = {
    "",
    "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI3In0.c2ln-_",
    "application/json; charset=utf-8",
    "롯데 빼빼로 54g",
    "snack \uD83C\uDF6B",
    "~!@#$%^&*()_+`{}|[]\\:\";'<>?,./ ",
    "a\u0000b",
    "tab\there",
    "line\nbreak",
    "del\u007F",
    "c1\u0085",
    "unassigned\u0378",
    "\r"
  };

  @Test
  void theFirewallJudgesTextExactlyAsSpringSecuritysPatternsDo() {
    assertSame(
        text -> SecurityDefaults.isVisibleText(text, false),
        StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES);
    assertSame(
        text -> SecurityDefaults.isVisibleText(text, true),
        StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES);
    assertSame(
        text -> SecurityDefaults.isVisibleText(text, false),
        StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_NAMES);
    assertThat(SecurityDefaults.isVisibleText("a\u0000b", true)).isFalse();
    assertThat(SecurityDefaults.isVisibleText(null, false)).isTrue();
  }

  private static void assertSame(Predicate<String> ours, Predicate<String> springs) {
    for (String text : SAMPLES) {
      assertThat(ours.test(text)).as(text).isEqualTo(springs.test(text));
    }
  }
}
