package com.snackmanager.snack.config;

import com.snackmanager.defaults.security.SecurityDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what: snack pictures are public (a browser's {@code <img src>} sends no token);
 * editing a snack needs an admin; everything else a member's access token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String IMAGE = "/snacks/*/image";

  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http, SecurityDefaults defaults) {
    return defaults
        .apply(http)
        // a stale token sent along with a picture request is ignored rather than refused
        .oauth2ResourceServer(
            server ->
                server.bearerTokenConverter(
                    SecurityDefaults.bearerIgnoredOn(
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, IMAGE))))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(SecurityDefaults.PUBLIC_PATHS)
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, IMAGE)
                    .permitAll()
                    .pathMatchers(HttpMethod.HEAD, IMAGE)
                    .permitAll()
                    .pathMatchers(HttpMethod.PATCH, "/snacks/*")
                    .hasRole("ADMIN")
                    .anyExchange()
                    .authenticated())
        .build();
  }
}
