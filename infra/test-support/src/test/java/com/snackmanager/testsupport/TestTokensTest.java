package com.snackmanager.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestTokensTest {

  @Test
  void tokensVerifyAgainstTheServedJwks() throws Exception {
    Map<String, Object> properties = new HashMap<>();
    TestTokens.get().register((name, value) -> properties.put(name, value.get()));
    JWKSet jwks =
        JWKSet.load(URI.create((String) properties.get("snack.security.jwks-uri")).toURL());

    SignedJWT token = SignedJWT.parse(TestTokens.get().admin(7));
    RSAKey key = (RSAKey) jwks.getKeyByKeyId(token.getHeader().getKeyID());
    assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("7");
    assertThat(token.getJWTClaimsSet().getStringClaim("member_type")).isEqualTo("ADMIN");
    assertThat(token.getJWTClaimsSet().getStringClaim("token_type")).isEqualTo("access");
    assertThat(properties).containsEntry("snack.security.issuer", "snack-manager");
  }
}
