package com.snackmanager.gateway.security;

import com.snackmanager.defaults.security.BearerAuthentication;
import com.snackmanager.defaults.security.BearerAuthentication.OpenPath;
import com.snackmanager.defaults.web.Problems;
import com.snackmanager.gateway.routing.ServiceUnavailableHandler;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway's security: CORS answered first, then the bearer check ({@link BearerAuthentication}
 * from service-defaults, one filter instead of Spring Security's chain, whose auto-configurations
 * are excluded in application.yml). Only authentication happens here; who may do what (admin rules)
 * stays with the services, which check the token again.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurity {

  /**
   * Open without a token: sign-up and sign-in, the public keys, images (GET and HEAD), docs, and
   * the probes and metrics on the management port (Spring Boot runs this filter there too; the API
   * port answers 404 under /actuator, and only the kubelet and Prometheus reach 9090). A token sent
   * along on these paths is not looked at: a frontend attaches its (maybe stale) token to every
   * call, including the refresh that replaces it, and the service decides for itself.
   */
  static final List<OpenPath> PUBLIC =
      List.of(
          OpenPath.of(HttpMethod.POST, "/auth/sign-up"),
          OpenPath.of(HttpMethod.POST, "/auth/token"),
          OpenPath.of(HttpMethod.POST, "/auth/token/refresh"),
          OpenPath.of(HttpMethod.GET, "/auth/jwks"),
          OpenPath.of(HttpMethod.HEAD, "/auth/jwks"),
          OpenPath.of(HttpMethod.GET, "/snacks/*/image"),
          OpenPath.of(HttpMethod.HEAD, "/snacks/*/image"),
          OpenPath.of("/api/schema"),
          OpenPath.of("/api/schema/**"),
          OpenPath.of("/actuator/health"),
          OpenPath.of("/actuator/health/**"),
          OpenPath.of("/actuator/prometheus"));

  /**
   * The circuit breakers' internal fallback is reachable only by their forward, never from outside.
   * Requests refused for their token are limited per client address (the rate limit's {@code
   * FailedAuthenticationLimit}), unless rate limiting is off.
   */
  @Bean
  BearerAuthentication bearerAuthentication(
      ReactiveJwtDecoder decoder,
      Problems problems,
      ObjectProvider<BearerAuthentication.Refusals> refusals) {
    return new BearerAuthentication(
        decoder,
        problems,
        PUBLIC,
        List.of(ServiceUnavailableHandler.PATH + "/**"),
        refusals.getIfAvailable(() -> BearerAuthentication.Refusals.NONE));
  }

  /** Ahead of the authentication: a preflight carries no token and is answered here. */
  @Bean
  @Order(BearerAuthentication.ORDER - 1)
  CorsWebFilter corsWebFilter(CorsConfigurationSource cors) {
    return new CorsWebFilter(cors);
  }

  /** The gateway answers preflights itself, before any token is looked at. */
  @Bean
  CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors(properties));
    return source;
  }

  /**
   * Who may call the API from a browser, and what it may send and read: one rule for every path.
   */
  public static CorsConfiguration cors(CorsProperties properties) {
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOrigins(properties.allowedOrigins());
    config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    config.setAllowedHeaders(
        List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key"));
    config.setExposedHeaders(List.of("X-Total-Count", HttpHeaders.LINK, HttpHeaders.RETRY_AFTER));
    config.setAllowCredentials(false); // bearer tokens, no cookies
    config.setMaxAge(properties.maxAge());
    return config;
  }
}
