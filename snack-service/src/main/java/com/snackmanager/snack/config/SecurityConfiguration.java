package com.snackmanager.snack.config;

import com.snackmanager.defaults.security.SecurityDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

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
        .oauth2ResourceServer(server -> server.bearerTokenConverter(bearerOutsidePictures()))
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

  private static ServerBearerTokenAuthenticationConverter bearerOutsidePictures() {
    ServerWebExchangeMatcher pictures =
        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, IMAGE);
    return new ServerBearerTokenAuthenticationConverter() {
      @Override
      public Mono<Authentication> convert(ServerWebExchange exchange) {
        return pictures
            .matches(exchange)
            .flatMap(match -> match.isMatch() ? Mono.empty() : super.convert(exchange));
      }
    };
  }
}
