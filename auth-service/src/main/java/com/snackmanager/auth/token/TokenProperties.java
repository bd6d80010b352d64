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
 * @param refreshTtl how long a refresh token is valid
 */
@ConfigurationProperties("snack.jwt")
public record TokenProperties(
    String privateKeyFile,
    String privateKey,
    @DefaultValue("15m") Duration accessTtl,
    @DefaultValue("7d") Duration refreshTtl) {}
