package com.snackmanager.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The development JWT signing key: RSA 2048, PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), generated once
 * and kept (owner-only) so tokens stay valid across restarts.
 */
final class SigningKey {

  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private SigningKey() {}

  /** Generates the key file unless it exists; either way checks that it holds an RSA key. */
  static Path ensure(Path file) {
    try {
      if (Files.exists(file)) {
        read(file);
        return file;
      }
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), "jwt-signing-key", ".tmp");
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(temp, toPem(generate()), StandardCharsets.US_ASCII);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      Log.info("generated the development JWT signing key " + file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PrivateKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK cannot generate RSA keys", e);
    }
  }

  static String toPem(PrivateKey key) {
    if (!"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException("Expected a PKCS#8 key, got " + key.getFormat());
    }
    Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    return BEGIN + "\n" + base64.encodeToString(key.getEncoded()) + "\n" + END + "\n";
  }

  static RSAPrivateKey read(Path file) {
    try {
      String pem = Files.readString(file, StandardCharsets.US_ASCII);
      int begin = pem.indexOf(BEGIN);
      int end = pem.indexOf(END);
      if (begin < 0 || end < begin) {
        throw new IllegalStateException(file + " is not a PKCS#8 PEM private key");
      }
      byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          file + " does not hold an RSA private key (delete it to get a new one)", e);
    }
  }
}
