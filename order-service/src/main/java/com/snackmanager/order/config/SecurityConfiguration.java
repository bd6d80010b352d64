package com.snackmanager.order.config;

import com.snackmanager.defaults.security.ServiceAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Every member sees and places orders (the board is shared); only admins move orders along the
 * status flow. Who may edit an order (its owner or an admin) is decided by the order service.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  ServiceAccess serviceAccess() {
    return ServiceAccess.builder()
        .admin(HttpMethod.PATCH, "/orders/*/status")
        .admin(HttpMethod.PUT, "/orders/*/status")
        .otherwiseMember();
  }
}
