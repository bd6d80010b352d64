package com.snackmanager.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenConfigurationTest {

  private final TokenConfiguration configuration = new TokenConfiguration();

  private static String pem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static TokenProperties properties(String file, String text) {
    return new TokenProperties(
        file, text, Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofDays(30), null, null);
  }

  @Test
  void furtherKeysArePublishedFromTheirFile(@TempDir Path dir) throws Exception {
    KeyPair signing = rsa();
    KeyPair previous = rsa();
    Path file = dir.resolve("published.pem");
    Files.writeString(file, pem(previous));
    SigningKeys keys =
        configuration.signingKeys(
            new TokenProperties(
                null,
                pem(signing),
                Duration.ofMinutes(15),
                Duration.ofDays(7),
                Duration.ofDays(30),
                file.toString(),
                null));
    assertThat(keys.publicKey()).isEqualTo(signing.getPublic());
    assertThat(keys.verificationKeys()).hasSize(2);
    assertThat(keys.verificationKeys().get(1).toRSAPublicKey()).isEqualTo(previous.getPublic());
  }

  @Test
  void theKeyFileWinsOverTheKeyText(@TempDir Path dir) throws Exception {
    KeyPair fromFile = rsa();
    Path file = dir.resolve("jwt.pem");
    Files.writeString(file, pem(fromFile));
    SigningKeys keys = configuration.signingKeys(properties(file.toString(), pem(rsa())));
    assertThat(keys.publicKey()).isEqualTo(fromFile.getPublic());
  }

  @Test
  void theKeyTextIsUsedWithoutAFile() throws Exception {
    KeyPair pair = rsa();
    assertThat(configuration.signingKeys(properties("", pem(pair))).publicKey())
        .isEqualTo(pair.getPublic());
  }

  @Test
  void withoutEitherAKeyIsGenerated() {
    SigningKeys first = configuration.signingKeys(properties(null, null));
    SigningKeys second = configuration.signingKeys(properties(" ", ""));
    assertThat(first.keyId()).isNotEqualTo(second.keyId());
  }

  @Test
  void aMissingKeyFileStopsStartUp(@TempDir Path dir) {
    assertThatThrownBy(
            () -> configuration.signingKeys(properties(dir.resolve("absent.pem").toString(), null)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("SNACK_JWT_PRIVATE_KEY_FILE");
  }
}
