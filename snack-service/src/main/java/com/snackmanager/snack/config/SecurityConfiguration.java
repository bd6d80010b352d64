package com.snackmanager.snack.config;

import com.snackmanager.defaults.security.ServiceAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what: snack pictures are public (a browser's {@code <img src>} sends no token, and a
 * stale one sent along with a GET is ignored); editing a snack needs an admin; everything else a
 * member's access token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final String IMAGE = "/snacks/*/image";

  @Bean
  ServiceAccess serviceAccess() {
    return ServiceAccess.builder()
        .open(HttpMethod.GET, IMAGE)
        .openCheckingToken(HttpMethod.HEAD, IMAGE)
        .admin(HttpMethod.PATCH, "/snacks/*")
        .otherwiseAuthenticated();
  }
}
