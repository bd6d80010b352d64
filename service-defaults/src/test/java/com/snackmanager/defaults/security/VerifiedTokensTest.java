package com.snackmanager.defaults.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokensTest {

  private final AtomicInteger verifications = new AtomicInteger();
  private final AtomicBoolean valid = new AtomicBoolean(true);
  private final OAuth2TokenValidator<Jwt> validator =
      jwt ->
          valid.get()
              ? OAuth2TokenValidatorResult.success()
              : OAuth2TokenValidatorResult.failure(
                  new OAuth2Error("invalid_token", "Token was revoked", null));

  /** Stands in for the signature check: "good" tokens verify (and validate), others do not. */
  private final ReactiveJwtDecoder verifier =
      token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
          return Mono.error(new BadJwtException("Signed JWT rejected: Invalid signature"));
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt(token));
        return result.hasErrors()
            ? Mono.error(new JwtValidationException("invalid", result.getErrors()))
            : Mono.just(jwt(token));
      };

  private final VerifiedTokens tokens =
      new VerifiedTokens(verifier, validator, 100, Duration.ofMinutes(5));

  @Test
  void aTokensSignatureIsCheckedOnceAndItsClaimsOnEveryUse() {
    for (int i = 0; i < 5; i++) {
      StepVerifier.create(tokens.decode("good-1"))
          .assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("7"))
          .verifyComplete();
    }
    assertThat(verifications).hasValue(1);
    assertThat(tokens.size()).isEqualTo(1);
  }

  @Test
  void aKeptTokenThatNoLongerValidatesIsRefusedAndForgotten() {
    tokens.decode("good-2").block();
    valid.set(false);

    StepVerifier.create(tokens.decode("good-2"))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(JwtValidationException.class)
                    .hasMessageContaining("Token was revoked"))
        .verify();
    assertThat(tokens.size()).isZero();

    // the next use goes through the full check again, and is refused there too
    StepVerifier.create(tokens.decode("good-2")).expectError().verify();
    assertThat(verifications).hasValue(2);
  }

  @Test
  void tokensThatFailTheirCheckAreNeverKept() {
    for (int i = 0; i < 3; i++) {
      StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();
    }
    assertThat(verifications).hasValue(3);
    assertThat(tokens.size()).isZero();
  }

  @Test
  void theNumberOfKeptTokensIsBounded() {
    VerifiedTokens small = new VerifiedTokens(verifier, validator, 10, Duration.ofMinutes(5));
    for (int i = 0; i < 100; i++) {
      small.decode("good-" + i).block();
    }
    assertThat(small.size()).isLessThanOrEqualTo(10);
  }

  private static Jwt jwt(String token) {
    Instant now = Instant.now();
    return Jwt.withTokenValue(token)
        .header("alg", "RS256")
        .subject("7")
        .issuedAt(now)
        .expiresAt(now.plusSeconds(300))
        .build();
  }
}
