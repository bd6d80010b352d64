package com.snackmanager.defaults.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** How the suite's access tokens are checked and what rights they grant. */
public final class SnackJwt {

  public static final String TOKEN_TYPE = "token_type";
  public static final String ACCESS = "access";
  public static final String VERSION = "ver";

  private SnackJwt() {}

  /**
   * Signature aside, an access token is valid when it has an expiry and is unexpired, is from our
   * issuer and for our audience, is of type access (a refresh token is never accepted as one), is
   * of the member's current token version, and has an id that was not signed out.
   */
  public static OAuth2TokenValidator<Jwt> validator(
      String issuer, String audience, TokenVersions versions) {
    // JwtTimestampValidator passes a token without exp: one would never expire
    OAuth2TokenValidator<Jwt> expiring =
        jwt ->
            jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : failure("Token has no expiry");
    OAuth2TokenValidator<Jwt> forUs =
        jwt -> {
          List<String> audiences = jwt.getAudience();
          return audiences != null && audiences.contains(audience)
              ? OAuth2TokenValidatorResult.success()
              : failure("Token is not for this audience");
        };
    OAuth2TokenValidator<Jwt> accessOnly =
        jwt ->
            ACCESS.equals(jwt.getClaimAsString(TOKEN_TYPE))
                ? OAuth2TokenValidatorResult.success()
                : failure("Not an access token");
    OAuth2TokenValidator<Jwt> currentVersion =
        jwt -> {
          Object version = jwt.getClaim(VERSION);
          if (!(version instanceof Number number) || jwt.getSubject() == null) {
            return failure("Token has no member or version");
          }
          return versions.isCurrent(jwt.getSubject(), number.longValue())
              ? OAuth2TokenValidatorResult.success()
              : failure("Token was revoked");
        };
    OAuth2TokenValidator<Jwt> notSignedOut =
        jwt -> {
          String id = jwt.getId();
          if (id == null) {
            return failure("Token has no id");
          }
          return versions.isRevoked(id)
              ? failure("Token was signed out")
              : OAuth2TokenValidatorResult.success();
        };
    return new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(issuer),
        expiring,
        forUs,
        accessOnly,
        currentVersion,
        notSignedOut);
  }

  /** Every member has ROLE_MEMBER; admins also ROLE_ADMIN. */
  public static Converter<Jwt, Mono<AbstractAuthenticationToken>> authentication() {
    return jwt -> {
      List<GrantedAuthority> authorities = new ArrayList<>();
      authorities.add(new SimpleGrantedAuthority("ROLE_" + AuthenticatedMember.MEMBER));
      if (AuthenticatedMember.ADMIN.equals(jwt.getClaimAsString("member_type"))) {
        authorities.add(new SimpleGrantedAuthority("ROLE_" + AuthenticatedMember.ADMIN));
      }
      return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    };
  }

  private static OAuth2TokenValidatorResult failure(String description) {
    return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
  }
}
