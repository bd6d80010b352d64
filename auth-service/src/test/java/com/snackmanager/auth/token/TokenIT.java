package com.snackmanager.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.snackmanager.auth.AuthServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class TokenIT extends AuthServiceTest {

  @Test
  void loginGivesAnAccessTokenWithTheMembersClaimsAndARefreshToken() throws Exception {
    String email = uniqueEmail("login");
    long id = signUp(email, PASSWORD, "Park");
    Instant before = Instant.now().minusSeconds(1);
    Map<String, Object> body =
        body(
            postJson("/auth/token/", null, Map.of("email", email, "password", PASSWORD)),
            HttpStatus.OK);
    assertThat(body).containsOnlyKeys("access", "refresh");

    JWTClaimsSet access = claims((String) body.get("access"));
    assertThat(access.getSubject()).isEqualTo(Long.toString(id));
    assertThat(access.getIssuer()).isEqualTo("snack-manager");
    assertThat(access.getStringClaim("email")).isEqualTo(email);
    assertThat(access.getStringClaim("name")).isEqualTo("Park");
    assertThat(access.getStringClaim("member_type")).isEqualTo("MEMBER");
    assertThat(access.getStringClaim("token_type")).isEqualTo("access");
    assertThat(access.getClaim("ver")).isEqualTo(0L);
    assertThat(access.getJWTID()).isNotBlank();
    assertThat(access.getIssueTime()).isAfter(Date.from(before));
    assertThat(
            Duration.between(
                access.getIssueTime().toInstant(), access.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(15));

    JWTClaimsSet refresh = claims((String) body.get("refresh"));
    assertThat(refresh.getSubject()).isEqualTo(Long.toString(id));
    assertThat(refresh.getStringClaim("token_type")).isEqualTo("refresh");
    assertThat(refresh.getStringClaim("fam")).isNotBlank();
    assertThat(refresh.getClaim("email")).isNull();
    assertThat(Duration.between(Instant.now(), refresh.getExpirationTime().toInstant()))
        .isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));

    OffsetDateTime lastLogin =
        db.sql("SELECT last_login FROM member WHERE id = :id")
            .bind("id", id)
            .map(row -> row.get("last_login", OffsetDateTime.class))
            .one()
            .block();
    assertThat(lastLogin.toInstant()).isAfter(before);

    get("/checks/is_authenticated/", (String) body.get("access"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Success");
  }

  @Test
  void theEmailMayComeAsUsernameInAnyCase() {
    String email = uniqueEmail("user");
    signUp(email, PASSWORD, "Choi");
    postJson(
            "/auth/token",
            null,
            Map.of("username", email.toUpperCase(Locale.ROOT), "password", PASSWORD))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.access")
        .isNotEmpty()
        .jsonPath("$.refresh")
        .isNotEmpty();
  }

  @Test
  void wrongPasswordUnknownEmailAndResignedMemberGetTheSameAnswer() {
    Account resigned = newMember("resigned");
    resign(resigned.access()).expectStatus().isOk();
    Account member = newMember("wrongpw");

    Map<String, Object> wrongPassword =
        body(
            postJson(
                "/auth/token/",
                null,
                Map.of("email", member.email(), "password", "Not-The-Password-1")),
            HttpStatus.UNAUTHORIZED);
    Map<String, Object> unknown =
        body(
            postJson(
                "/auth/token/", null, Map.of("email", uniqueEmail("nobody"), "password", PASSWORD)),
            HttpStatus.UNAUTHORIZED);
    Map<String, Object> gone =
        body(
            postJson(
                "/auth/token/",
                null,
                Map.of("email", resigned.email(), "password", resigned.password())),
            HttpStatus.UNAUTHORIZED);

    assertThat(wrongPassword.get("detail"))
        .isEqualTo("No active account found with the given credentials");
    for (Map<String, Object> other : new Map[] {unknown, gone}) {
      assertThat(other)
          .containsEntry("detail", wrongPassword.get("detail"))
          .containsEntry("status", 401)
          .containsEntry("title", wrongPassword.get("title"));
    }
  }

  @Test
  void missingFieldsAndWrongTypesAre400() {
    postJson("/auth/token/", null, Map.of())
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors.email[0]")
        .isEqualTo("This field is required.")
        .jsonPath("$.errors.password[0]")
        .isEqualTo("This field is required.");
    postJson("/auth/token/", null, Map.of("username", "", "password", "x"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.username[0]")
        .isEqualTo("This field may not be blank.");
    postJson("/auth/token/", null, "{\"email\": \"a@b.co\", \"password\": 123456789}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.password[0]")
        .exists();
    postJson("/auth/token/", null, "[\"a@b.co\"]").expectStatus().isBadRequest();
    postJson("/auth/token/", null, "{\"email\": ").expectStatus().isBadRequest();
  }
}
