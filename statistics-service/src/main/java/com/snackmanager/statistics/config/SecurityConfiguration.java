package com.snackmanager.statistics.config;

import com.snackmanager.defaults.security.ServiceAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Any member may read statistics; only an admin may rebuild them. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  ServiceAccess serviceAccess() {
    return ServiceAccess.builder()
        .admin(HttpMethod.POST, "/statistics/rebuild")
        .otherwiseAuthenticated();
  }
}
