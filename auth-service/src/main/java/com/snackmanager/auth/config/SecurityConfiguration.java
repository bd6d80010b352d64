package com.snackmanager.auth.config;

import com.nimbusds.jose.jwk.JWK;
import com.snackmanager.auth.token.SigningKeys;
import com.snackmanager.defaults.security.SecurityDefaults;
import com.snackmanager.defaults.security.SnackSecurityProperties;
import com.snackmanager.defaults.security.TokenVersions;
import com.snackmanager.defaults.security.VerifiedTokens;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Flux;

/**
 * Who may call what. Sign-up, login, refresh and the key set are public; member management and the
 * admin check need an admin; everything else a valid access token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** Endpoints anyone may call (besides {@link SecurityDefaults#PUBLIC_PATHS}). */
  static final String[] PUBLIC_ENDPOINTS = {
    "/auth/sign-up", "/auth/token", "/auth/token/refresh", "/auth/jwks"
  };

  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http, SecurityDefaults defaults) {
    return defaults
        .apply(http)
        // a stale token sent along to a public endpoint (the frontend attaches it everywhere) is
        // ignored rather than refused: it must not stop anyone from logging in again
        .oauth2ResourceServer(
            server ->
                server.bearerTokenConverter(
                    SecurityDefaults.bearerIgnoredOn(
                        ServerWebExchangeMatchers.pathMatchers(PUBLIC_ENDPOINTS))))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(SecurityDefaults.PUBLIC_PATHS)
                    .permitAll()
                    .pathMatchers(PUBLIC_ENDPOINTS)
                    .permitAll()
                    .pathMatchers("/auth/users/profile", "/auth/users/resign")
                    .authenticated()
                    .pathMatchers("/auth/users", "/auth/users/**", "/checks/is_admin")
                    .hasRole("ADMIN")
                    .anyExchange()
                    .authenticated())
        .build();
  }

  /**
   * Checks tokens with this service's own published keys (the signing key and, during a rotation,
   * the previous or next one), chosen by the token's {@code kid}: no HTTP call to its own key set.
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(
      SigningKeys keys, SnackSecurityProperties properties, TokenVersions versions) {
    List<JWK> published = List.<JWK>copyOf(keys.verificationKeys());
    return VerifiedTokens.of(
        NimbusReactiveJwtDecoder.withJwkSource(token -> Flux.fromIterable(published))
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build(),
        properties,
        versions);
  }
}
