package com.snackmanager.reaction.config;

import com.snackmanager.defaults.security.SecurityDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Probes and API docs are public; every reaction endpoint needs a member's access token. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http, SecurityDefaults defaults) {
    return defaults
        .apply(http)
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(SecurityDefaults.PUBLIC_PATHS)
                    .permitAll()
                    .anyExchange()
                    .authenticated())
        .build();
  }
}
