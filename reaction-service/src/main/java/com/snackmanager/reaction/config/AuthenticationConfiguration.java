package com.snackmanager.reaction.config;

import com.snackmanager.defaults.security.BearerAuthentication;
import com.snackmanager.defaults.web.Problems;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Probes, metrics and API docs are public; every reaction endpoint needs a member's access token.
 * That is the whole rule, so one filter checks it ({@link BearerAuthentication}) instead of Spring
 * Security's chain (its auto-configurations are excluded in application.yml): this is the suite's
 * hottest path.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration {

  @Bean
  BearerAuthentication bearerAuthentication(ReactiveJwtDecoder decoder, Problems problems) {
    return new BearerAuthentication(
        decoder, problems, BearerAuthentication.servicePublicPaths(), List.of());
  }

  /** {@code @AuthenticationPrincipal Jwt} parameters get the request's verified token. */
  @Bean
  WebFluxConfigurer authenticatedMemberArguments() {
    return new WebFluxConfigurer() {
      @Override
      public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(BearerAuthentication.argumentResolver());
      }
    };
  }
}
