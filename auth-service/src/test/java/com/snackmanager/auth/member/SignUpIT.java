package com.snackmanager.auth.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.auth.AuthServiceTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class SignUpIT extends AuthServiceTest {

  @Test
  void aNewMemberIsCreatedAndShownLikeTheProfile() {
    String email = uniqueEmail("new");
    Map<String, Object> body =
        body(
            postJson(
                "/auth/sign-up/",
                null,
                Map.of("email", email, "password", PASSWORD, "name", "Kim Snack")),
            HttpStatus.CREATED);
    assertThat(body)
        .containsOnlyKeys("id", "email", "username", "name", "member_type", "date_joined")
        .containsEntry("email", email)
        .containsEntry("username", email)
        .containsEntry("name", "Kim Snack")
        .containsEntry("member_type", "MEMBER");
    assertIsoTimestamp(body.get("date_joined"));
    String stored =
        db.sql("SELECT password_hash FROM member WHERE id = :id")
            .bind("id", ((Number) body.get("id")).longValue())
            .map(row -> row.get("password_hash", String.class))
            .one()
            .block();
    assertThat(stored).startsWith("$2a$").doesNotContain(PASSWORD);
  }

  @Test
  void usernameIsAnAliasOfNameAndTheSlashIsOptional() {
    String email = uniqueEmail("alias");
    postJson("/auth/sign-up", null, Map.of("email", email, "password", PASSWORD, "username", "Lee"))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Lee");
  }

  @Test
  void nobodyBecomesAdminBySigningUp() {
    postJson(
            "/auth/sign-up/",
            null,
            Map.of(
                "email",
                uniqueEmail("sneaky"),
                "password",
                PASSWORD,
                "name",
                "Sneaky",
                "member_type",
                "ADMIN"))
        // not a field of the sign-up: refused, naming it, rather than silently ignored
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Unknown field \"member_type\".");
  }

  @Test
  void anEmailIsTakenCaseInsensitively() {
    String email = uniqueEmail("dup");
    signUp(email, PASSWORD, "First");
    expectProblem(
        postJson(
            "/auth/sign-up/",
            null,
            Map.of(
                "email", email.toUpperCase(Locale.ROOT), "password", PASSWORD, "name", "Second")),
        HttpStatus.BAD_REQUEST,
        SignUpRules.EMAIL_TAKEN);
    postJson(
            "/auth/sign-up/",
            null,
            Map.of("email", "  " + email + " ", "password", PASSWORD, "name", "Third"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.email[0]")
        .isEqualTo(SignUpRules.EMAIL_TAKEN);
  }

  @Test
  void aResignedMembersEmailCanNeverSignUpAgain() {
    Account member = newMember("gone");
    resign(member.access()).expectStatus().isOk();
    for (String email : List.of(member.email(), member.email().toUpperCase(Locale.ROOT))) {
      postJson(
              "/auth/sign-up/",
              null,
              Map.of("email", email, "password", "Another-Pass-77", "name", "Back"))
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.detail")
          .isEqualTo(SignUpRules.EMAIL_RESIGNED)
          .jsonPath("$.errors.email[0]")
          .isEqualTo(SignUpRules.EMAIL_RESIGNED);
    }
  }

  @Test
  void passwordRulesAreEnforcedWithEveryProblemNamed() {
    String email = uniqueEmail("weak");
    Map<String, List<String>> cases =
        Map.of(
            "short1",
            List.of(PasswordPolicy.TOO_SHORT),
            "12345678901",
            List.of(PasswordPolicy.NUMERIC),
            "password1",
            List.of(PasswordPolicy.TOO_COMMON),
            "x" + email + "x",
            List.of(PasswordPolicy.LIKE_EMAIL),
            "9173",
            List.of(PasswordPolicy.TOO_SHORT, PasswordPolicy.NUMERIC));
    cases.forEach(
        (password, problems) -> {
          Map<?, ?> body =
              postJson(
                      "/auth/sign-up/",
                      null,
                      Map.of("email", email, "password", password, "name", "Weak"))
                  .expectStatus()
                  .isBadRequest()
                  .expectHeader()
                  .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                  .expectBody(Map.class)
                  .returnResult()
                  .getResponseBody();
          assertThat(((Map<?, ?>) body.get("errors")).get("password"))
              .as(password)
              .isEqualTo(problems);
        });
    assertThat(memberCount(email)).isZero();
  }

  @Test
  void missingAndBlankFieldsAreNamed() {
    postJson("/auth/sign-up/", null, Map.of())
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.email[0]")
        .isEqualTo("This field is required.")
        .jsonPath("$.errors.password[0]")
        .isEqualTo("This field is required.")
        .jsonPath("$.errors.name[0]")
        .isEqualTo("This field is required.");
    postJson("/auth/sign-up/", null, Map.of("email", " ", "password", PASSWORD, "name", "X"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.email[0]")
        .isEqualTo("This field may not be blank.");
  }

  @Test
  void invalidEmailsAreRefused() {
    for (String email :
        List.of("plain", "a@b", "two@@at.com", "spaces in@x.com", "dot.@x.com", "x@-x.com")) {
      postJson("/auth/sign-up/", null, Map.of("email", email, "password", PASSWORD, "name", "X"))
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors.email[0]")
          .isEqualTo(EmailAddress.INVALID);
    }
  }

  @Test
  void wrongTypesMalformedJsonAndWrongBodiesAre400() {
    String email = uniqueEmail("types");
    postJson(
            "/auth/sign-up/",
            null,
            "{\"email\": \"" + email + "\", \"password\": 12345678, \"name\": \"X\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.password[0]")
        .exists();
    postJson(
            "/auth/sign-up/",
            null,
            "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": {}}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.name[0]")
        .exists();
    for (String body : List.of("[]", "[{\"email\": \"a@b.com\"}]", "{\"email\": ", "null", "42")) {
      postJson("/auth/sign-up/", null, body)
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
    client
        .post()
        .uri("/auth/sign-up/")
        .contentType(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isBadRequest();
    client
        .post()
        .uri("/auth/sign-up/")
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue("email=" + email)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(memberCount(email)).isZero();
  }

  @Test
  void hugePayloadsAre413() {
    String huge = "x".repeat(400_000);
    postJson(
            "/auth/sign-up/",
            null,
            Map.of("email", uniqueEmail("huge"), "password", PASSWORD, "name", huge))
        .expectStatus()
        .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aTooLongNameIsRefused() {
    postJson(
            "/auth/sign-up/",
            null,
            Map.of("email", uniqueEmail("long"), "password", PASSWORD, "name", "n".repeat(151)))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.name[0]")
        .isEqualTo(SignUpRules.NAME_TOO_LONG);
  }

  @Test
  void aNulOrOtherControlCharacterInTextIsA400NamingTheFieldAndWritesNothing() {
    String email = uniqueEmail("nul");
    for (String name : List.of("a\u0000b", "bell\u0007", "del\u007f")) {
      postJson("/auth/sign-up/", null, Map.of("email", email, "password", PASSWORD, "name", name))
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo(400)
          .jsonPath("$.detail")
          .value(detail -> assertThat((String) detail).contains("name"))
          .jsonPath("$.errors.name[0]")
          .exists();
    }
    // the login id too, on sign-up and on sign-in (never a 500 from PostgreSQL)
    postJson(
            "/auth/sign-up/",
            null,
            Map.of("email", "nul\u0000" + email, "password", PASSWORD, "name", "Nul"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.email[0]")
        .exists();
    postJson("/auth/token/", null, Map.of("email", email + "\u0000", "password", PASSWORD))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.email[0]")
        .exists();
    assertThat(memberCount(email)).isZero();
  }

  @Test
  void aStaleTokenSentAlongDoesNotBlockSignUp() {
    postJson(
            "/auth/sign-up/",
            "expired.or.garbage",
            Map.of("email", uniqueEmail("stale"), "password", PASSWORD, "name", "Stale"))
        .expectStatus()
        .isCreated();
  }

  private long memberCount(String email) {
    return db.sql("SELECT count(*) AS n FROM member WHERE lower(email) = lower(:email)")
        .bind("email", email)
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }
}
