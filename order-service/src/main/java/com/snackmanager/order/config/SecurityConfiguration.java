package com.snackmanager.order.config;

import com.snackmanager.defaults.security.SecurityDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Every member sees and places orders (the board is shared); only admins move orders along the
 * status flow. Who may edit an order (its owner or an admin) is decided by the order service.
 */
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
                    .pathMatchers(HttpMethod.PATCH, "/orders/*/status")
                    .hasRole("ADMIN")
                    .pathMatchers(HttpMethod.PUT, "/orders/*/status")
                    .hasRole("ADMIN")
                    .anyExchange()
                    .hasRole("MEMBER"))
        .build();
  }
}
