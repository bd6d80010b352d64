package com.snackmanager.auth.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.snackmanager.defaults.domain.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignUpRulesTest {

  private final SignUpRules rules =
      new SignUpRules(new PasswordPolicy(CommonPasswords.fromClasspath()));

  private RuleViolation refused(SignUpRequest request) {
    RuleViolation error = catchThrowableOfType(RuleViolation.class, () -> rules.check(request));
    assertThat(error).as("refused").isNotNull();
    return error;
  }

  @Test
  void aValidRequestIsNormalized() {
    SignUpRules.NewMember member =
        rules.check(new SignUpRequest("  Kim.Lee@Example.COM ", "Crunchy-Snack-42", " Kim ", null));
    assertThat(member.email()).isEqualTo("Kim.Lee@example.com");
    assertThat(member.name()).isEqualTo("Kim");
    assertThat(member.password()).isEqualTo("Crunchy-Snack-42");
  }

  @Test
  void usernameStandsInForName() {
    assertThat(rules.check(new SignUpRequest("a@b.co", "Crunchy-Snack-42", null, "Lee")).name())
        .isEqualTo("Lee");
    assertThat(rules.check(new SignUpRequest("a@b.co", "Crunchy-Snack-42", "Kim", "Lee")).name())
        .isEqualTo("Kim");
    assertThat(refused(new SignUpRequest("a@b.co", "Crunchy-Snack-42", null, " ")).errors())
        .containsEntry("username", List.of("This field may not be blank."));
  }

  @Test
  void everyMissingFieldIsNamed() {
    assertThat(refused(new SignUpRequest(null, null, null, null)).errors())
        .containsOnlyKeys("email", "password", "name");
  }

  @Test
  void thePasswordIsCheckedAgainstTheEmail() {
    assertThat(refused(new SignUpRequest("snacklover@b.co", "snacklover", "X", null)).errors())
        .containsEntry("password", List.of(PasswordPolicy.LIKE_EMAIL));
  }

  @Test
  void emailsMustBePlainInternetAddresses() {
    for (String valid : List.of("a@b.co", "first.last+tag@sub.example.org", "o'neil@x.io")) {
      assertThat(EmailAddress.normalize(valid)).as(valid).isPresent();
    }
    for (String invalid :
        List.of(
            "",
            "plain",
            "@b.co",
            "a@",
            "a@b",
            "a@@b.co",
            "a b@c.co",
            ".a@b.co",
            "a..b@c.co",
            "a@b..co",
            "a@-b.co",
            "a@b.c",
            "x".repeat(250) + "@b.co")) {
      assertThat(EmailAddress.normalize(invalid)).as(invalid).isEmpty();
    }
    assertThat(refused(new SignUpRequest("nope", "Crunchy-Snack-42", "X", null)).errors())
        .containsEntry("email", List.of(EmailAddress.INVALID));
  }

  @Test
  void namesHaveALimit() {
    assertThat(rules.check(new SignUpRequest("a@b.co", "Crunchy-Snack-42", "n".repeat(150), null)))
        .isNotNull();
    assertThat(
            refused(new SignUpRequest("a@b.co", "Crunchy-Snack-42", "n".repeat(151), null))
                .errors())
        .containsEntry("name", List.of(SignUpRules.NAME_TOO_LONG));
  }
}
