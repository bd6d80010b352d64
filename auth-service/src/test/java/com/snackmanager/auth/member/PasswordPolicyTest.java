package com.snackmanager.auth.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy(CommonPasswords.fromClasspath());

  @Test
  void aLongUncommonPasswordPasses() {
    assertThat(policy.violations("Crunchy-Snack-42", "kim@example.com")).isEmpty();
    assertThat(policy.violations("abcdefg1x", "kim@example.com")).isEmpty();
  }

  @Test
  void atLeastEightCharacters() {
    assertThat(policy.violations("Ab1-xyz", "kim@example.com"))
        .containsExactly(PasswordPolicy.TOO_SHORT);
    assertThat(policy.violations("Ab1-xyzw", "kim@example.com")).isEmpty();
    assertThat(policy.violations("", "kim@example.com")).containsExactly(PasswordPolicy.TOO_SHORT);
  }

  @Test
  void notEntirelyDigits() {
    assertThat(policy.violations("90817263544", "kim@example.com"))
        .containsExactly(PasswordPolicy.NUMERIC);
    assertThat(policy.violations("9081726354a", "kim@example.com")).isEmpty();
  }

  @Test
  void notTheEmailNorContainingIt() {
    assertThat(policy.violations("Kim@Example.com", "kim@example.com"))
        .containsExactly(PasswordPolicy.LIKE_EMAIL);
    assertThat(policy.violations("my kim@example.com!", "kim@example.com"))
        .containsExactly(PasswordPolicy.LIKE_EMAIL);
    assertThat(policy.violations("longername", "longername@example.com"))
        .containsExactly(PasswordPolicy.LIKE_EMAIL);
  }

  @Test
  void notACommonPasswordInAnyCase() {
    assertThat(policy.violations("password1", "kim@example.com"))
        .containsExactly(PasswordPolicy.TOO_COMMON);
    assertThat(policy.violations("QWERTYUIOP", "kim@example.com"))
        .containsExactly(PasswordPolicy.TOO_COMMON);
    assertThat(policy.violations("12345678", "kim@example.com"))
        .containsExactly(PasswordPolicy.NUMERIC, PasswordPolicy.TOO_COMMON);
  }

  @Test
  void atMostWhatBcryptReads() {
    assertThat(policy.violations("a".repeat(72), "kim@example.com")).isEmpty();
    assertThat(policy.violations("a".repeat(73), "kim@example.com"))
        .containsExactly(PasswordPolicy.TOO_LONG);
    // 25 three-byte characters are 75 bytes
    assertThat(policy.violations("한".repeat(25), "kim@example.com"))
        .containsExactly(PasswordPolicy.TOO_LONG);
  }

  @Test
  void theShippedListHasAFewHundredEntries() {
    assertThat(CommonPasswords.fromClasspath().size()).isBetween(300, 5000);
    assertThat(new CommonPasswords(Set.of("Secret")).contains("sEcReT")).isTrue();
  }
}
