package com.snackmanager.auth.token;

import com.nimbusds.jose.JOSEException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * A signing key kept in a file the auth-service made itself ({@code SNACK_JWT_GENERATED_KEY_FILE}):
 * for development deployments that configure no key (docker-compose's {@code .env.example}, the
 * Kubernetes dev overlay), so that a restart does not sign everybody out. Read when the file
 * exists; otherwise a new key is generated and written owner-only. Production configures its key
 * ({@code SNACK_JWT_PRIVATE_KEY[_FILE]}), which always wins over this.
 */
final class GeneratedKeyFile {

  private GeneratedKeyFile() {}

  /** The key in {@code file}, generated and written there first if there is none yet. */
  static SigningKeys readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return SigningKeys.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
      }
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      SigningKeys keys = SigningKeys.generate();
      Path temp = Files.createTempFile(dir, ".signing-key", ".tmp");
      try {
        if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temp, pem(keys), StandardCharsets.US_ASCII);
        // a link, not a rename: it fails instead of replacing a key another replica wrote
        // meanwhile,
        // and nobody ever reads a half-written file
        Files.createLink(file, temp);
        return keys;
      } catch (FileAlreadyExistsException raced) {
        return SigningKeys.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read or write SNACK_JWT_GENERATED_KEY_FILE " + file, e);
    }
  }

  private static String pem(SigningKeys keys) {
    try {
      byte[] pkcs8 = keys.signingKey().toPrivateKey().getEncoded();
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8)
          + "\n-----END PRIVATE KEY-----\n";
    } catch (JOSEException e) {
      throw new IllegalStateException("The generated key has no private part", e);
    }
  }
}
