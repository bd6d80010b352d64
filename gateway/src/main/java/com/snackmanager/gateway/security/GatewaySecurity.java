package com.snackmanager.gateway.security;

import com.snackmanager.defaults.web.Problems;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway's security: CORS answered here first, then {@link GatewayAuthentication} (the bearer
 * check). Spring Security's reactive chain is not used in the gateway (its auto-configurations are
 * excluded in application.yml); the services keep theirs for their authorization rules.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurity {

  @Bean
  GatewayAuthentication gatewayAuthentication(ReactiveJwtDecoder decoder, Problems problems) {
    return new GatewayAuthentication(decoder, problems);
  }

  /** Ahead of the authentication: a preflight carries no token and is answered here. */
  @Bean
  @Order(GatewayAuthentication.ORDER - 1)
  CorsWebFilter corsWebFilter(CorsConfigurationSource cors) {
    return new CorsWebFilter(cors);
  }

  /** The gateway answers preflights itself, before any token is looked at. */
  @Bean
  CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOrigins(properties.allowedOrigins());
    config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    config.setAllowedHeaders(
        List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key"));
    config.setExposedHeaders(List.of("X-Total-Count", HttpHeaders.LINK, HttpHeaders.RETRY_AFTER));
    config.setAllowCredentials(false); // bearer tokens, no cookies
    config.setMaxAge(properties.maxAge());
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", config);
    return source;
  }
}
