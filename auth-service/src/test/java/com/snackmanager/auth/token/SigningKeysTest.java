package com.snackmanager.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

  private static KeyPair rsa(int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    return generator.generateKeyPair();
  }

  private static String pkcs8Pem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  @Test
  void aPkcs8PemKeyIsLoadedWithItsThumbprintAsKeyId() throws Exception {
    KeyPair pair = rsa(2048);
    SigningKeys keys = SigningKeys.fromPem(pkcs8Pem(pair));
    assertThat(keys.publicKey()).isEqualTo(pair.getPublic());
    assertThat(keys.keyId()).isEqualTo(keys.signingKey().computeThumbprint().toString());
    // the same key always gets the same kid
    assertThat(SigningKeys.fromPem(pkcs8Pem(pair)).keyId()).isEqualTo(keys.keyId());
    assertThat(keys.verificationKey(keys.keyId())).isPresent();
    assertThat(keys.verificationKey("other")).isEmpty();
  }

  @Test
  void theKeySetHoldsOnlyPublicParts() {
    SigningKeys keys = SigningKeys.generate();
    Map<String, Object> jwks = keys.jwks();
    assertThat(jwks).containsOnlyKeys("keys");
    @SuppressWarnings("unchecked")
    Map<String, Object> key = ((List<Map<String, Object>>) jwks.get("keys")).get(0);
    assertThat(key)
        .containsEntry("kty", "RSA")
        .containsEntry("alg", "RS256")
        .containsEntry("use", "sig")
        .containsEntry("kid", keys.keyId())
        .containsKeys("n", "e")
        .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
  }

  @Test
  void unusableKeysAreRefusedWithAClearReason() throws Exception {
    assertThatThrownBy(() -> SigningKeys.fromPem("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n"))
        .hasMessageContaining("PKCS#1")
        .hasMessageContaining("openssl pkcs8");
    assertThatThrownBy(() -> SigningKeys.fromPem("not a key")).hasMessageContaining("PKCS#8 PEM");
    assertThatThrownBy(
            () ->
                SigningKeys.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
        .hasMessageContaining("not a readable RSA PKCS#8 key");
    String weak = pkcs8Pem(rsa(1024));
    assertThatThrownBy(() -> SigningKeys.fromPem(weak)).hasMessageContaining("at least 2048");
  }
}
