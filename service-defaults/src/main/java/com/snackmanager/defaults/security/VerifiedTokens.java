package com.snackmanager.defaults.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A {@link ReactiveJwtDecoder} that checks a token's signature once: a token that decoded and
 * validated is kept (by its exact text) and, when it comes again, only validated again. The
 * validation is what can change between two requests with the same token (expiry, the member's
 * token version, a sign-out, so revocation still takes effect within the version refresh); the
 * signature and claims of a given text cannot. Tokens that fail are never kept.
 *
 * <p>Parsing the token and checking its RS256 signature costs about 50 µs of CPU plus the reactive
 * machinery around it; a cache hit is a hash look-up and the validators.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

  /** How long a verified token is kept after its first use (its own expiry may end it sooner). */
  static final Duration KEEP_FOR = Duration.ofMinutes(5);

  private final ReactiveJwtDecoder verifier;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Cache<String, Jwt> verified;

  /**
   * @param verifier checks the signature and validates with {@code validator}
   * @param validator what every use of a token must pass again
   * @param maxTokens how many verified tokens are kept (least recently used go first)
   * @param keepFor how long a verified token is kept after its first use; its own {@code exp} still
   *     ends it earlier
   */
  public VerifiedTokens(
      ReactiveJwtDecoder verifier,
      OAuth2TokenValidator<Jwt> validator,
      long maxTokens,
      Duration keepFor) {
    this.verifier = verifier;
    this.validator = validator;
    this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(keepFor).build();
  }

  /**
   * The suite's decoder: {@code nimbus} checks the signature, {@link SnackJwt#validator} the claims
   * (on every use), and verified tokens are kept as {@code snack.security.verified-tokens} says.
   */
  public static ReactiveJwtDecoder of(
      NimbusReactiveJwtDecoder nimbus, SnackSecurityProperties properties, TokenVersions versions) {
    OAuth2TokenValidator<Jwt> validator =
        SnackJwt.validator(properties.issuer(), properties.audience(), versions);
    nimbus.setJwtValidator(validator);
    ReactiveJwtDecoder verifier = keysUnavailableAsTokenError(nimbus);
    return properties.verifiedTokens() > 0
        ? new VerifiedTokens(verifier, validator, properties.verifiedTokens(), KEEP_FOR)
        : verifier;
  }

  /**
   * The signature check with its failures as {@link Mono} errors: Spring reports keys it could not
   * obtain as an {@link IllegalStateException} (a 500), here a {@link JwtException} that is not a
   * {@link BadJwtException}, which {@link BearerAuthentication} and the services' entry point
   * answer with a 503; a token it cannot parse is thrown rather than signalled, here signalled.
   * Only tokens not verified before pass here: a kept token's request has no operator more.
   */
  static ReactiveJwtDecoder keysUnavailableAsTokenError(ReactiveJwtDecoder nimbus) {
    return token -> {
      Mono<Jwt> decoded;
      try {
        decoded = nimbus.decode(token);
      } catch (JwtException refused) {
        return Mono.error(refused);
      }
      return decoded.onErrorMap(
          IllegalStateException.class,
          e -> new JwtException("The signing keys are unavailable: " + e.getMessage(), e));
    };
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = verified.getIfPresent(token);
    if (known == null) {
      return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
    OAuth2TokenValidatorResult result = validator.validate(known);
    if (result.hasErrors()) {
      verified.invalidate(token);
      return Mono.error(new JwtValidationException(describe(result), result.getErrors()));
    }
    return Mono.just(known);
  }

  /** How many verified tokens are kept now (for tests and metrics). */
  public long size() {
    verified.cleanUp();
    return verified.estimatedSize();
  }

  private static String describe(OAuth2TokenValidatorResult result) {
    return result.getErrors().stream()
        .map(OAuth2Error::getDescription)
        .collect(
            Collectors.joining("; ", "An error occurred while attempting to decode the Jwt: ", ""));
  }
}
