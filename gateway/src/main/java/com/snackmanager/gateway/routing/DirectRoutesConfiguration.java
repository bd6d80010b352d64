package com.snackmanager.gateway.routing;

import com.snackmanager.defaults.security.BearerAuthentication;
import com.snackmanager.defaults.web.Problems;
import com.snackmanager.gateway.ratelimit.FailedAuthenticationLimit;
import com.snackmanager.gateway.ratelimit.RateLimitFilter;
import com.snackmanager.gateway.security.CorsProperties;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.netty.http.client.HttpClient;

/**
 * The direct routes ({@link DirectProxy}): on unless {@code snack.gateway.direct-routes.enabled} is
 * false.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "snack.gateway.direct-routes.enabled", matchIfMissing = true)
class DirectRoutesConfiguration {

  @Bean
  DirectProxy directProxy(
      GatewayProperties gateway,
      HttpClient gatewayHttpClient,
      HttpClientProperties clientProperties,
      ReactiveResilience4JCircuitBreakerFactory breakers,
      ReactiveJwtDecoder decoder,
      BearerAuthentication authentication,
      ObjectProvider<RateLimitFilter> rateLimit,
      ObjectProvider<FailedAuthenticationLimit> failedAuthentication,
      CorsProperties cors,
      Problems problems,
      ObservationRegistry observations,
      ObjectProvider<Propagator> propagator,
      @Value("${server.forward-headers-strategy:none}") String forwardHeadersStrategy,
      ApplicationContext context) {
    return new DirectProxy(
        gateway,
        gatewayHttpClient,
        clientProperties,
        breakers.getCircuitBreakerRegistry(),
        decoder,
        authentication,
        rateLimit,
        failedAuthentication,
        cors,
        problems,
        observations,
        propagator,
        "framework".equalsIgnoreCase(forwardHeadersStrategy),
        context);
  }
}
