package com.snackmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

  @TempDir Path dir;

  @Test
  void writesAnRsa2048KeyAsPkcs8PemThatJavaSecurityReadsBack() throws Exception {
    Path file = SigningKey.ensure(dir.resolve("jwt-signing-key.pem"));

    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(pem.lines().filter(line -> !line.startsWith("-----")))
        .allMatch(line -> line.length() <= 64);

    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    var key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    assertThat(key).isInstanceOf(RSAPrivateCrtKey.class);
    assertThat(((RSAPrivateCrtKey) key).getModulus().bitLength()).isEqualTo(2048);
    assertThat(SigningKey.read(file)).isEqualTo(key);
  }

  @Test
  void keepsTheKeyItAlreadyMadeAndOnlyTheOwnerCanReadIt() throws IOException {
    Path file = dir.resolve("jwt-signing-key.pem");
    SigningKey.ensure(file);
    String first = Files.readString(file);

    SigningKey.ensure(file);

    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void refusesAFileThatHoldsNoKey() throws IOException {
    Path file = Files.writeString(dir.resolve("jwt-signing-key.pem"), "not a key\n");

    assertThatThrownBy(() -> SigningKey.ensure(file))
        .hasMessageContaining("not a PKCS#8 PEM private key");
  }
}
