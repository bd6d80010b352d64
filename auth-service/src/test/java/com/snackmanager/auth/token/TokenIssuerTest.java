package com.snackmanager.auth.token;

import static com.snackmanager.auth.token.TestIssuers.issuer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.snackmanager.auth.member.Member;
import com.snackmanager.auth.member.MemberType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

  private static final SigningKeys KEYS = SigningKeys.generate();
  private static final Instant NOW = Instant.parse("2024-01-04T12:38:59Z");

  private final TokenIssuer issuer = issuer(KEYS, "snack-manager", NOW);

  private static final Member KIM =
      new Member(
          7, "kim@b.co", "hash", "Kim", MemberType.ADMIN, Instant.EPOCH, null, false, null, 3);

  @Test
  void anAccessTokenCarriesTheMemberAndTheirTokenVersion() throws Exception {
    SignedJWT jwt = SignedJWT.parse(issuer.access(KIM));
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(KEYS.keyId());
    assertThat(claims.getSubject()).isEqualTo("7");
    assertThat(claims.getStringClaim("email")).isEqualTo("kim@b.co");
    assertThat(claims.getStringClaim("name")).isEqualTo("Kim");
    assertThat(claims.getStringClaim("member_type")).isEqualTo("ADMIN");
    assertThat(claims.getStringClaim("token_type")).isEqualTo("access");
    assertThat(claims.getLongClaim("ver")).isEqualTo(3L);
    assertThat(claims.getIssuer()).isEqualTo("snack-manager");
    assertThat(claims.getAudience()).containsExactly("snack-manager");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
  }

  @Test
  void aRefreshTokenIsReadBack() {
    UUID family = UUID.randomUUID();
    TokenIssuer.Refresh refresh = issuer.refresh(7, family);
    TokenIssuer.RefreshClaims claims = issuer.readRefresh(refresh.token(), false);
    assertThat(claims.jti()).isEqualTo(refresh.jti());
    assertThat(claims.familyId()).isEqualTo(family);
    assertThat(claims.memberId()).isEqualTo(7);
    assertThat(claims.expiresAt())
        .isEqualTo(NOW.plus(Duration.ofDays(7)))
        .isEqualTo(refresh.expiresAt());
  }

  @Test
  void onlyOurUnexpiredRefreshTokensAreAccepted() {
    String refresh = issuer.refresh(7, UUID.randomUUID()).token();
    TokenIssuer later = issuer(KEYS, "snack-manager", NOW.plus(Duration.ofDays(8)));
    assertThatThrownBy(() -> later.readRefresh(refresh, false))
        .isInstanceOf(InvalidTokenException.class);
    assertThat(later.readRefresh(refresh, true).memberId()).isEqualTo(7);

    String foreign =
        issuer(SigningKeys.generate(), "snack-manager", NOW).refresh(7, UUID.randomUUID()).token();
    String otherIssuer = issuer(KEYS, "evil", NOW).refresh(7, UUID.randomUUID()).token();
    String[] parts = refresh.split("\\.");
    for (String token :
        new String[] {
          "garbage",
          "",
          issuer.access(KIM),
          foreign,
          otherIssuer,
          parts[0] + "." + parts[1] + ".AAAA",
          "eyJhbGciOiJub25lIn0." + parts[1] + "."
        }) {
      assertThatThrownBy(() -> issuer.readRefresh(token, true))
          .as(token)
          .isInstanceOf(InvalidTokenException.class);
    }
  }
}
