package com.snackmanager.defaults.config;

import com.snackmanager.defaults.security.JwksClient;
import com.snackmanager.defaults.security.SecurityDefaults;
import com.snackmanager.defaults.security.ServiceAccess;
import com.snackmanager.defaults.security.SnackSecurityProperties;
import com.snackmanager.defaults.security.TokenVersions;
import com.snackmanager.defaults.security.VerifiedTokens;
import com.snackmanager.defaults.web.Problems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;

/**
 * Resource-server security: JWKS-backed RS256 decoding, token versions, problem+json failures, and
 * the filter chain of a service that declares its {@link ServiceAccess}. Ahead of Spring Boot's
 * resource-server configuration, whose default chain would otherwise take the place of that one.
 */
@AutoConfiguration(
    after = ServiceDefaultsAutoConfiguration.class,
    before = ReactiveOAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnClass(ServerHttpSecurity.class)
@EnableConfigurationProperties(SnackSecurityProperties.class)
public class SecurityDefaultsAutoConfiguration {

  @Bean
  TokenVersions tokenVersions(
      ReactiveStringRedisTemplate redis, SnackSecurityProperties properties) {
    return new TokenVersions(redis, properties.tokenVersionRefresh());
  }

  /**
   * Keys come from the auth-service's JWKS (cached, re-fetched for an unknown {@code kid} at most
   * once per {@code snack.security.jwks-refresh-cooldown}: {@link JwksClient}); a token's signature
   * is checked once ({@link VerifiedTokens}), its claims on every request.
   */
  @Bean
  @ConditionalOnMissingBean
  ReactiveJwtDecoder jwtDecoder(SnackSecurityProperties properties, TokenVersions versions) {
    return VerifiedTokens.of(
        NimbusReactiveJwtDecoder.withJwkSource(
                new JwksClient(properties.jwksUri(), properties.jwksRefreshCooldown()))
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build(),
        properties,
        versions);
  }

  /** Picked up by Spring Security's filter chain (see {@link SecurityDefaults#firewall()}). */
  @Bean
  @ConditionalOnMissingBean
  ServerWebExchangeFirewall serverWebExchangeFirewall() {
    return SecurityDefaults.firewall();
  }

  /**
   * No Spring Security observations: they wrapped every filter of the chain, the authentication and
   * the authorization in observations of their own (timers and, when sampled, spans), about a tenth
   * of a service's CPU on a small request, for time the request's own {@code http.server.requests}
   * observation and span already cover. Failed authentications stay visible as 401s in that metric
   * and in the logs.
   */
  @Bean
  @ConditionalOnMissingBean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  SecurityDefaults securityDefaults(Problems problems) {
    return new SecurityDefaults(problems);
  }

  /** A service's chain from its declared rules, unless it builds one itself. */
  @Bean
  @ConditionalOnBean(ServiceAccess.class)
  @ConditionalOnMissingBean(SecurityWebFilterChain.class)
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http, SecurityDefaults defaults, ServiceAccess access) {
    return defaults.chain(http, access);
  }
}
