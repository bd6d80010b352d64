package com.snackmanager.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.snackmanager.auth.token.SigningKeys;
import com.snackmanager.testsupport.AccessTokens;
import com.snackmanager.testsupport.ManagementPort;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** What the auth-service accepts as an access token, and what it publishes to check one. */
class SecurityIT extends AuthServiceTest {

  @Autowired SigningKeys keys;

  /** Actuator's own port (random in tests), where the probes and Prometheus go. */
  @LocalManagementPort int managementPort;

  @Test
  void checksAnswerByRole() {
    Account member = newMember("checker");
    Account admin = newAdmin("checkadmin");
    get("/checks/is_authenticated/", member.access())
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Success");
    expectProblem(
        get("/checks/is_admin/", member.access()),
        HttpStatus.FORBIDDEN,
        "You do not have permission to perform this action.");
    get("/checks/is_admin", admin.access())
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Success");
    for (String path : List.of("/checks/is_authenticated/", "/checks/is_admin/")) {
      expectProblem(
          get(path, null),
          HttpStatus.UNAUTHORIZED,
          "Authentication credentials were not provided.");
    }
  }

  @Test
  void invalidAccessTokensAreRefused() throws Exception {
    Account member = newMember("forger");
    JWTClaimsSet genuine = claims(member.access());
    Instant past = Instant.now().minusSeconds(3600);
    JWTClaimsSet expired =
        new JWTClaimsSet.Builder(genuine)
            .issueTime(Date.from(past.minusSeconds(900)))
            .expirationTime(Date.from(past))
            .build();
    JWTClaimsSet promoted = new JWTClaimsSet.Builder(genuine).claim("member_type", "ADMIN").build();
    JWTClaimsSet otherIssuer = new JWTClaimsSet.Builder(genuine).issuer("evil").build();
    JWTClaimsSet noVersion = new JWTClaimsSet.Builder(genuine).claim("ver", null).build();
    JWTClaimsSet noAudience = new JWTClaimsSet.Builder(genuine).audience((String) null).build();
    JWTClaimsSet otherAudience = new JWTClaimsSet.Builder(genuine).audience("elsewhere").build();
    JWTClaimsSet noExpiry = new JWTClaimsSet.Builder(genuine).expirationTime(null).build();
    RSAKey otherKey = SigningKeys.generate().signingKey();
    String[] parts = member.access().split("\\.");

    List<String> refused =
        List.of(
            "garbage",
            sign(expired, keys.signingKey()),
            sign(genuine, otherKey),
            new PlainJWT(genuine).serialize(),
            // a payload edited after signing
            parts[0]
                + "."
                + SignedJWT.parse(sign(promoted, otherKey)).getParsedParts()[1]
                + "."
                + parts[2],
            sign(otherIssuer, keys.signingKey()),
            sign(noVersion, keys.signingKey()),
            sign(noAudience, keys.signingKey()),
            sign(otherAudience, keys.signingKey()),
            sign(noExpiry, keys.signingKey()),
            member.refresh());
    for (String token : refused) {
      expectProblem(
          get("/checks/is_authenticated/", token), HttpStatus.UNAUTHORIZED, INVALID_TOKEN);
    }
    get("/checks/is_authenticated/", sign(genuine, keys.signingKey())).expectStatus().isOk();
  }

  @Test
  void theKeySetPublishesThePublicKeyThatVerifiesTokens() throws Exception {
    Account member = newMember("jwks");
    String json =
        get("/auth/jwks/", null)
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectHeader()
            .value("Cache-Control", value -> assertThat(value).contains("max-age"))
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    JWKSet set = JWKSet.parse(json);
    assertThat(set.getKeys()).hasSize(1);
    RSAKey published = set.getKeys().get(0).toRSAKey();
    assertThat(published.isPrivate()).isFalse();
    assertThat(json).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    assertThat(published.getKeyID()).isEqualTo(published.computeThumbprint().toString());
    assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);

    SignedJWT access = SignedJWT.parse(member.access());
    assertThat(access.getHeader().getKeyID()).isEqualTo(published.getKeyID());
    assertThat(access.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(access.verify(new RSASSAVerifier(published))).isTrue();
  }

  @Test
  void theApiDocumentIsPublicAndOffersBearerAuth() {
    Map<String, Object> doc = body(get("/v3/api-docs", null), HttpStatus.OK);
    assertThat(doc).containsKey("paths");
    assertThat((Map<String, Object>) doc.get("paths"))
        .containsKeys("/auth/sign-up", "/auth/token", "/auth/users", "/auth/users/{id}");
    client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectBody()
        .jsonPath("$.components.securitySchemes.bearer.scheme")
        .isEqualTo("bearer")
        // schemas use the same snake_case names as the JSON itself
        .jsonPath("$.components.schemas.MemberListItem.properties.member_type")
        .exists()
        .jsonPath("$.components.schemas.MemberListItem.properties.is_deleted")
        .exists()
        .jsonPath("$.components.schemas.MemberListItem.properties.memberType")
        .doesNotExist();
  }

  @Test
  void healthIsOpenOnTheManagementPortOnly() {
    assertThat(ManagementPort.status(managementPort, "/actuator/health/liveness")).isEqualTo(200);
    get("/actuator/health/liveness", null).expectStatus().isNotFound();
  }

  @Test
  void unknownPathsAre404Problems() {
    Account member = newMember("lost");
    get("/auth/nothing-here/", member.access())
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
    return AccessTokens.sign(claims, key.toPrivateKey(), key.getKeyID());
  }
}
