package com.snackmanager.auth.token;

import com.snackmanager.defaults.security.SnackSecurityProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signing key and the token issuer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TokenProperties.class, LoginThrottleProperties.class})
class TokenConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

  @Bean
  SigningKeys signingKeys(TokenProperties properties) {
    SigningKeys keys = signingKey(properties);
    String published = publishedKeys(properties);
    if (published == null) {
      return keys;
    }
    SigningKeys rotating = keys.withPublished(published);
    log.info(
        "Publishing and accepting the keys {} (signing with {})",
        rotating.verificationKeys().stream().map(key -> key.getKeyID()).toList(),
        rotating.keyId());
    return rotating;
  }

  private static String publishedKeys(TokenProperties properties) {
    if (hasText(properties.publishedKeysFile())) {
      Path file = Path.of(properties.publishedKeysFile().trim());
      try {
        return Files.readString(file, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read SNACK_JWT_PUBLISHED_KEYS_FILE " + file, e);
      }
    }
    return hasText(properties.publishedKeys()) ? properties.publishedKeys() : null;
  }

  private static SigningKeys signingKey(TokenProperties properties) {
    if (hasText(properties.privateKeyFile())) {
      Path file = Path.of(properties.privateKeyFile().trim());
      try {
        SigningKeys keys = SigningKeys.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        log.info("Signing tokens with the key in {} (kid {})", file, keys.keyId());
        return keys;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read SNACK_JWT_PRIVATE_KEY_FILE " + file, e);
      }
    }
    if (hasText(properties.privateKey())) {
      SigningKeys keys = SigningKeys.fromPem(properties.privateKey());
      log.info("Signing tokens with the key from SNACK_JWT_PRIVATE_KEY (kid {})", keys.keyId());
      return keys;
    }
    if (hasText(properties.generatedKeyFile())) {
      Path file = Path.of(properties.generatedKeyFile().trim());
      SigningKeys keys = GeneratedKeyFile.readOrCreate(file);
      log.warn(
          "No SNACK_JWT_PRIVATE_KEY_FILE or SNACK_JWT_PRIVATE_KEY: signing with the key the"
              + " auth-service keeps in {} (kid {}). Development only: replicas need a shared key.",
          file,
          keys.keyId());
      return keys;
    }
    SigningKeys keys = SigningKeys.generate();
    log.warn(
        "No SNACK_JWT_PRIVATE_KEY_FILE or SNACK_JWT_PRIVATE_KEY: signing with a key generated at"
            + " start-up (kid {}). Tokens will not survive a restart, and replicas will not accept"
            + " each other's tokens. Development only.",
        keys.keyId());
    return keys;
  }

  @Bean
  TokenIssuer tokenIssuer(
      SigningKeys keys, TokenProperties tokens, SnackSecurityProperties security) {
    return new TokenIssuer(
        keys,
        security.issuer(),
        security.audience(),
        tokens.accessTtl(),
        tokens.refreshTtl(),
        Clock.systemUTC());
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
