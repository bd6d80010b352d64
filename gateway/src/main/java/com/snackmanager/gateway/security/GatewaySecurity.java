package com.snackmanager.gateway.security;

import com.snackmanager.defaults.security.SecurityDefaults;
import com.snackmanager.gateway.routing.ServiceUnavailableHandler;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * Every routed request needs a valid access token, except the few public paths below. Only
 * authentication happens here; who may do what (admin rules) stays with the services.
 *
 * <p>Paths reach these rules without their trailing slash (service-defaults strips it first).
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurity {

  /**
   * Open without a token: sign-up and sign-in, the public keys, images, docs, probes and the
   * metrics Prometheus scrapes (the Ingress exposes only the API paths, so metrics stay inside).
   */
  static ServerWebExchangeMatcher publicPaths() {
    return ServerWebExchangeMatchers.matchers(
        ServerWebExchangeMatchers.pathMatchers(
            HttpMethod.POST, "/auth/sign-up", "/auth/token", "/auth/token/refresh"),
        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/auth/jwks", "/snacks/*/image"),
        ServerWebExchangeMatchers.pathMatchers(
            "/api/schema",
            "/api/schema/**",
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/prometheus"));
  }

  @Bean
  SecurityWebFilterChain gatewaySecurityChain(
      ServerHttpSecurity http, SecurityDefaults defaults, CorsConfigurationSource cors) {
    ServerWebExchangeMatcher publicPaths = publicPaths();
    return defaults
        .apply(http)
        .cors(spec -> spec.configurationSource(cors))
        .oauth2ResourceServer(server -> server.bearerTokenConverter(ignoringTokensOn(publicPaths)))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .matchers(publicPaths)
                    .permitAll()
                    .pathMatchers(
                        ServiceUnavailableHandler.PATH, ServiceUnavailableHandler.PATH + "/**")
                    .denyAll()
                    .anyExchange()
                    .authenticated())
        .build();
  }

  /**
   * A public path stays public even when the client sends a stale or expired token along (a
   * frontend typically attaches it to every call, including the refresh that replaces it).
   */
  private static ServerAuthenticationConverter ignoringTokensOn(ServerWebExchangeMatcher paths) {
    ServerBearerTokenAuthenticationConverter bearer =
        new ServerBearerTokenAuthenticationConverter();
    return exchange ->
        paths
            .matches(exchange)
            .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
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
