package com.snackmanager.auth.token;

import static com.snackmanager.auth.token.TestIssuers.issuer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.testsupport.AccessTokens;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenConfigurationTest {

  private final TokenConfiguration configuration = new TokenConfiguration();

  private static String pem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static TokenProperties properties(String file, String text) {
    return new TokenProperties(
        file,
        text,
        Duration.ofMinutes(15),
        Duration.ofDays(7),
        Duration.ofDays(30),
        null,
        null,
        null);
  }

  @Test
  void furtherKeysArePublishedFromTheirFile(@TempDir Path dir) throws Exception {
    KeyPair signing = AccessTokens.newKeyPair();
    KeyPair previous = AccessTokens.newKeyPair();
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
                null,
                null));
    assertThat(keys.publicKey()).isEqualTo(signing.getPublic());
    assertThat(keys.verificationKeys()).hasSize(2);
    assertThat(keys.verificationKeys().get(1).toRSAPublicKey()).isEqualTo(previous.getPublic());
  }

  @Test
  void theKeyFileWinsOverTheKeyText(@TempDir Path dir) throws Exception {
    KeyPair fromFile = AccessTokens.newKeyPair();
    Path file = dir.resolve("jwt.pem");
    Files.writeString(file, pem(fromFile));
    SigningKeys keys =
        configuration.signingKeys(properties(file.toString(), pem(AccessTokens.newKeyPair())));
    assertThat(keys.publicKey()).isEqualTo(fromFile.getPublic());
  }

  @Test
  void theKeyTextIsUsedWithoutAFile() throws Exception {
    KeyPair pair = AccessTokens.newKeyPair();
    assertThat(configuration.signingKeys(properties("", pem(pair))).publicKey())
        .isEqualTo(pair.getPublic());
  }

  @Test
  void withoutEitherAKeyIsGenerated() {
    SigningKeys first = configuration.signingKeys(properties(null, null));
    SigningKeys second = configuration.signingKeys(properties(" ", ""));
    assertThat(first.keyId()).isNotEqualTo(second.keyId());
  }

  private static TokenProperties generatedInto(Path file) {
    return new TokenProperties(
        null,
        null,
        Duration.ofMinutes(15),
        Duration.ofDays(7),
        Duration.ofDays(30),
        null,
        null,
        file.toString());
  }

  /** docker-compose and the dev overlay: no key configured, a volume for the auth-service's own. */
  @Test
  void aRestartWithTheSameGeneratedKeyFileKeepsTokensValid(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys").resolve("jwt-signing-key.pem");
    SigningKeys beforeRestart = configuration.signingKeys(generatedInto(file));
    TokenIssuer.Refresh session = issuer(beforeRestart).refresh(7, UUID.randomUUID());

    SigningKeys afterRestart = configuration.signingKeys(generatedInto(file));

    assertThat(afterRestart.keyId()).isEqualTo(beforeRestart.keyId());
    assertThat(issuer(afterRestart).readRefresh(session.token(), false).memberId()).isEqualTo(7);
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertThat(left).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void aConfiguredKeyWinsOverTheGeneratedKeyFile(@TempDir Path dir) throws Exception {
    KeyPair configured = AccessTokens.newKeyPair();
    Path file = dir.resolve("jwt-signing-key.pem");
    SigningKeys keys =
        configuration.signingKeys(
            new TokenProperties(
                null,
                pem(configured),
                Duration.ofMinutes(15),
                Duration.ofDays(7),
                Duration.ofDays(30),
                null,
                null,
                file.toString()));
    assertThat(keys.publicKey()).isEqualTo(configured.getPublic());
    assertThat(file).doesNotExist();
  }

  @Test
  void aMissingKeyFileStopsStartUp(@TempDir Path dir) {
    assertThatThrownBy(
            () -> configuration.signingKeys(properties(dir.resolve("absent.pem").toString(), null)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("SNACK_JWT_PRIVATE_KEY_FILE");
  }
}
