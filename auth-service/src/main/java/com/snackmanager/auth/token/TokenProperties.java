package com.snackmanager.auth.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code snack.jwt.*}: the signing key and token lifetimes.
 *
 * @param privateKeyFile path to an RSA private key in PKCS#8 PEM ({@code
 *     SNACK_JWT_PRIVATE_KEY_FILE})
 * @param privateKey the PEM text itself ({@code SNACK_JWT_PRIVATE_KEY}), used when no file is given
 * @param accessTtl how long an access token is valid
 * @param refreshTtl how long a refresh token is valid: also the sessions' idle timeout, since a
 *     family whose newest token was not used within it has no usable token left
 * @param publishedKeysFile path to further keys to publish in the key set and accept ({@code
 *     SNACK_JWT_PUBLISHED_KEYS_FILE}): the next key before it signs, the previous one after (see
 *     docs/deployment.md, "Rotating the token signing key"); PEM public or private keys
 * @param publishedKeys the PEM text of such keys ({@code SNACK_JWT_PUBLISHED_KEYS}), used when no
 *     file is given
 * @param sessionLifetime the absolute lifetime of a session (a refresh-token family), counted from
 *     its sign-in: after it, refreshing is refused however active the session was, and the member
 *     signs in again
 * @param generatedKeyFile where no key is given (neither of the above): a file the auth-service
 *     keeps its own key in ({@code SNACK_JWT_GENERATED_KEY_FILE}), generated on the first start and
 *     read on every later one, so a restart signs nobody out (docker-compose, the dev overlay);
 *     without it, a throw-away key per start
 */
@ConfigurationProperties("snack.jwt")
public record TokenProperties(
    String privateKeyFile,
    String privateKey,
    @DefaultValue("15m") Duration accessTtl,
    @DefaultValue("7d") Duration refreshTtl,
    @DefaultValue("30d") Duration sessionLifetime,
    String publishedKeysFile,
    String publishedKeys,
    String generatedKeyFile) {}
