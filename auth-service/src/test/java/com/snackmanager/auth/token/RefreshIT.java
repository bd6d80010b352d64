package com.snackmanager.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import com.snackmanager.auth.AuthServiceTest;
import com.snackmanager.defaults.security.TokenVersions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class RefreshIT extends AuthServiceTest {

  @Autowired ReactiveStringRedisTemplate redis;

  private Tokens refresh(String refreshToken) {
    Map<String, Object> body =
        body(
            postJson("/auth/token/refresh/", null, Map.of("refresh", refreshToken)), HttpStatus.OK);
    assertThat(body).containsOnlyKeys("access", "refresh");
    return new Tokens((String) body.get("access"), (String) body.get("refresh"));
  }

  private void refreshIsRefused(String refreshToken) {
    expectProblem(
        postJson("/auth/token/refresh/", null, Map.of("refresh", refreshToken)),
        HttpStatus.UNAUTHORIZED,
        TokenService.INVALID_REFRESH);
  }

  @Test
  void aRefreshTokenRotatesWithinItsFamily() throws Exception {
    Account member = newMember("rotate");
    Tokens next = refresh(member.refresh());

    JWTClaimsSet first = claims(member.refresh());
    JWTClaimsSet second = claims(next.refresh());
    assertThat(second.getJWTID()).isNotEqualTo(first.getJWTID());
    assertThat(second.getStringClaim("fam")).isEqualTo(first.getStringClaim("fam"));
    assertThat(claims(next.access()).getSubject()).isEqualTo(Long.toString(member.id()));
    get("/auth/users/profile/", next.access()).expectStatus().isOk();

    Tokens third = refresh(next.refresh());
    assertThat(claims(third.refresh()).getStringClaim("fam"))
        .isEqualTo(first.getStringClaim("fam"));
  }

  @Test
  void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
    Account member = newMember("reuse");
    Tokens rotated = refresh(member.refresh());

    refreshIsRefused(member.refresh());
    // the thief's replay also killed the legitimate newest token of that family
    refreshIsRefused(rotated.refresh());

    long live =
        db.sql(
                "SELECT count(*) AS n FROM refresh_token WHERE member_id = :member"
                    + " AND revoked_at IS NULL")
            .bind("member", member.id())
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    assertThat(live).isZero();
    // other sessions (families) are untouched: a fresh login still works and refreshes
    Tokens again = login(member.email(), PASSWORD);
    refresh(again.refresh());
  }

  @Test
  void signOutRevokesTheFamily() {
    Account member = newMember("signout");
    Tokens rotated = refresh(member.refresh());
    postJson("/auth/token/revoke/", rotated.access(), Map.of("refresh", rotated.refresh()))
        .expectStatus()
        .isNoContent()
        .expectBody()
        .isEmpty();
    refreshIsRefused(rotated.refresh());
    // the access token it was called with is signed out too
    expectProblem(
        postJson("/auth/token/revoke/", rotated.access(), Map.of("refresh", rotated.refresh())),
        HttpStatus.UNAUTHORIZED,
        INVALID_TOKEN);
    // revoking again (from another session, after a failed call) is harmless
    Tokens again = login(member.email(), PASSWORD);
    postJson("/auth/token/revoke/", again.access(), Map.of("refresh", rotated.refresh()))
        .expectStatus()
        .isNoContent();
  }

  @Test
  void signOutRefusesTheAccessTokenItWasCalledWithHereAndElsewhereWithinASecond() {
    Account member = newMember("signout-access");
    Tokens other = login(member.email(), PASSWORD);
    // another process (the gateway, a service) reading the same Redis
    TokenVersions elsewhere = new TokenVersions(redis, Duration.ofMillis(250));
    elsewhere.start();
    try {
      String jti = claims(member.access()).getJWTID();
      elsewhere.refresh().block();
      assertThat(elsewhere.isRevoked(jti)).isFalse();

      postJson("/auth/token/revoke/", member.access(), Map.of("refresh", member.refresh()))
          .expectStatus()
          .isNoContent();

      expectProblem(
          get("/auth/users/profile/", member.access()), HttpStatus.UNAUTHORIZED, INVALID_TOKEN);
      await().atMost(Duration.ofSeconds(1)).until(() -> elsewhere.isRevoked(jti));
      // the member's other session is untouched
      assertThat(elsewhere.isRevoked(claims(other.access()).getJWTID())).isFalse();
      get("/auth/users/profile/", other.access()).expectStatus().isOk();
      refresh(other.refresh());
    } finally {
      elsewhere.stop();
    }
  }

  @Test
  void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() throws Exception {
    Account member = newMember("lifetime");
    Tokens rotated = refresh(member.refresh());
    UUID family = UUID.fromString(claims(rotated.refresh()).getStringClaim("fam"));
    // signed in 29 days ago and refreshed every few days since: still inside 30 days
    startFamily(family, "29 days");
    Tokens recent = refresh(rotated.refresh());
    assertThat(claims(recent.refresh()).getStringClaim("fam")).isEqualTo(family.toString());

    // 30 days after the sign-in the family is refused, however recently it was refreshed
    startFamily(family, "30 days 1 minute");
    refreshIsRefused(recent.refresh());
    // a new sign-in starts a new session
    refresh(login(member.email(), PASSWORD).refresh());
  }

  @Test
  void aRotatedTokenKeepsItsFamilysStart() {
    Account member = newMember("family-start");
    UUID first = UUID.fromString(claims(member.refresh()).getJWTID());
    Tokens rotated = refresh(member.refresh());
    UUID second = UUID.fromString(claims(rotated.refresh()).getJWTID());
    assertThat(familyStart(second)).isEqualTo(familyStart(first));
  }

  private void startFamily(UUID family, String ago) {
    db.sql(
            "UPDATE refresh_token SET family_started_at = now() - CAST(:ago AS interval)"
                + " WHERE family_id = :family")
        .bind("ago", ago)
        .bind("family", family)
        .then()
        .block();
  }

  private OffsetDateTime familyStart(UUID jti) {
    return db.sql("SELECT family_started_at FROM refresh_token WHERE jti = :jti")
        .bind("jti", jti)
        .map(row -> row.get("family_started_at", OffsetDateTime.class))
        .one()
        .block();
  }

  @Test
  void revokeNeedsOnesOwnValidRefreshToken() {
    Account member = newMember("revoker");
    Account other = newMember("victim");
    expectProblem(
        postJson("/auth/token/revoke/", member.access(), Map.of("refresh", other.refresh())),
        HttpStatus.FORBIDDEN,
        TokenService.NOT_YOUR_TOKEN);
    refresh(other.refresh());

    postJson("/auth/token/revoke/", member.access(), Map.of("refresh", "garbage"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.refresh[0]")
        .isEqualTo(TokenService.INVALID_REFRESH);
    postJson("/auth/token/revoke/", member.access(), Map.of("refresh", member.access()))
        .expectStatus()
        .isBadRequest();
    postJson("/auth/token/revoke/", member.access(), Map.of())
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.refresh[0]")
        .isEqualTo("This field is required.");
    expectProblem(
        postJson("/auth/token/revoke/", null, Map.of("refresh", member.refresh())),
        HttpStatus.UNAUTHORIZED,
        "Authentication credentials were not provided.");
    refresh(member.refresh());
  }

  @Test
  void garbageAndAccessTokensAreNotRefreshTokens() {
    Account member = newMember("garbage");
    refreshIsRefused("garbage");
    refreshIsRefused(member.access());
    refreshIsRefused(member.refresh() + "x");
    postJson("/auth/token/refresh/", null, Map.of())
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.refresh[0]")
        .isEqualTo("This field is required.");
    postJson("/auth/token/refresh/", null, "{\"refresh\": 42}")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    postJson("/auth/token/refresh/", null, "{\"refresh\": ").expectStatus().isBadRequest();
  }

  @Test
  void anExpiredRefreshTokenInTheDatabaseIsRefused() {
    Account member = newMember("expired");
    db.sql("UPDATE refresh_token SET expires_at = now() - interval '1 minute' WHERE jti = :jti")
        .bind("jti", UUID.fromString(claims(member.refresh()).getJWTID()))
        .then()
        .block();
    refreshIsRefused(member.refresh());
  }

  @Test
  void aResignedMemberCannotRefresh() {
    Account member = newMember("resign-refresh");
    Tokens second = login(member.email(), PASSWORD);
    resign(member.access()).expectStatus().isOk();
    refreshIsRefused(member.refresh());
    refreshIsRefused(second.refresh());
  }

  @Test
  void aRefreshedAccessTokenCarriesTheCurrentTypeAndVersion() throws Exception {
    Account admin = newAdmin("promoter");
    Account member = newMember("promoted");
    patchJson("/auth/users/" + member.id() + "/", admin.access(), Map.of("member_type", "ADMIN"))
        .expectStatus()
        .isOk();
    Tokens refreshed = refresh(member.refresh());
    JWTClaimsSet access = claims(refreshed.access());
    assertThat(access.getStringClaim("member_type")).isEqualTo("ADMIN");
    assertThat(access.getLongClaim("ver")).isEqualTo(1L);
    get("/checks/is_admin/", refreshed.access()).expectStatus().isOk();
  }
}
