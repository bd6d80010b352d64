package com.snackmanager.auth.config;

import static com.snackmanager.auth.token.TestIssuers.issuer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.SignedJWT;
import com.snackmanager.auth.member.Member;
import com.snackmanager.auth.member.MemberType;
import com.snackmanager.auth.token.SigningKeys;
import com.snackmanager.defaults.security.SnackSecurityProperties;
import com.snackmanager.defaults.security.TokenVersions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The rotation procedure of docs/deployment.md, step by step, refusing no token on the way. */
class KeyRotationTest {

  private static final Member KIM =
      new Member(
          7, "kim@b.co", "hash", "Kim", MemberType.MEMBER, Instant.EPOCH, null, false, null, 0);

  private final SigningKeys previous = SigningKeys.generate();
  private final SigningKeys next = SigningKeys.generate();

  /** The auth-service's own decoder, as configured for {@code keys}. */
  private static ReactiveJwtDecoder decoder(SigningKeys keys) {
    return new SecurityConfiguration()
        .jwtDecoder(
            keys,
            new SnackSecurityProperties(null, null, null, null, 0),
            new TokenVersions(null, Duration.ofSeconds(1)));
  }

  private static String publicPem(SigningKeys keys) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.publicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static String privatePem(SigningKeys keys) throws JOSEException {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.signingKey().toPrivateKey().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static List<String> publishedKeyIds(SigningKeys keys) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jwks = (List<Map<String, Object>>) keys.jwks().get("keys");
    return jwks.stream().map(key -> (String) key.get("kid")).toList();
  }

  @Test
  void rotatingTheSigningKeyRefusesNoTokenOnTheWay() throws Exception {
    // 1. the next key is published (and accepted) before anything signs with it
    SigningKeys announcing = previous.withPublished(publicPem(next));
    assertThat(publishedKeyIds(announcing)).containsExactly(previous.keyId(), next.keyId());
    assertThat(announcing.keyId()).isEqualTo(previous.keyId());
    String oldAccess = issuer(announcing).access(KIM);
    String oldRefresh = issuer(announcing).refresh(7, UUID.randomUUID()).token();

    // 2. the next key signs; the previous one stays published (here: its old key file as is)
    SigningKeys rotated = next.withPublished(privatePem(previous));
    assertThat(publishedKeyIds(rotated)).containsExactly(next.keyId(), previous.keyId());
    assertThat(rotated.jwks().toString()).doesNotContain("\"d\"");
    String newAccess = issuer(rotated).access(KIM);
    assertThat(SignedJWT.parse(newAccess).getHeader().getKeyID()).isEqualTo(next.keyId());

    // tokens of either key are accepted by an updated replica and by one still at step 1
    for (SigningKeys replica : List.of(announcing, rotated)) {
      assertThat(decoder(replica).decode(oldAccess).block().getSubject()).isEqualTo("7");
      assertThat(decoder(replica).decode(newAccess).block().getSubject()).isEqualTo("7");
    }
    assertThat(issuer(rotated).readRefresh(oldRefresh, false).memberId()).isEqualTo(7);

    // 3. once the previous key's tokens have expired, it is no longer published
    assertThat(decoder(next).decode(newAccess).block().getSubject()).isEqualTo("7");
    assertThatThrownBy(() -> decoder(next).decode(oldAccess).block())
        .isInstanceOf(JwtException.class);
  }

  @Test
  void publishedKeysMustBePemKeys() {
    assertThatThrownBy(() -> previous.withPublished("not a key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BEGIN PUBLIC KEY");
    // publishing the signing key again changes nothing
    assertThat(publishedKeyIds(previous.withPublished(publicPem(previous))))
        .containsExactly(previous.keyId());
  }
}
