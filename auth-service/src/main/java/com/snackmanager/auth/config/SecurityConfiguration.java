package com.snackmanager.auth.config;

import com.nimbusds.jose.jwk.JWK;
import com.snackmanager.auth.token.SigningKeys;
import com.snackmanager.defaults.security.ServiceAccess;
import com.snackmanager.defaults.security.SnackSecurityProperties;
import com.snackmanager.defaults.security.TokenVersions;
import com.snackmanager.defaults.security.VerifiedTokens;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * Who may call what. Sign-up, login, refresh and the key set are public (a stale token sent along
 * is ignored: it must not stop anyone from logging in again); member management and the admin check
 * need an admin, a member's own profile and resignation do not; everything else a valid access
 * token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  ServiceAccess serviceAccess() {
    return ServiceAccess.builder()
        .open("/auth/sign-up", "/auth/token", "/auth/token/refresh", "/auth/jwks")
        .authenticated("/auth/users/profile", "/auth/users/resign")
        .admin("/auth/users", "/auth/users/**", "/checks/is_admin")
        .otherwiseAuthenticated();
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
