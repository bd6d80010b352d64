package com.snackmanager.gateway.ratelimit;

import com.snackmanager.defaults.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "snack.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

  @Bean
  RedisTokenBucket redisTokenBucket(ReactiveStringRedisTemplate redis) {
    return new RedisTokenBucket(redis);
  }

  @Bean
  RateLimitFilter rateLimitFilter(
      RedisTokenBucket buckets, RateLimitProperties limits, Problems problems) {
    return new RateLimitFilter(buckets, limits, problems);
  }

  /**
   * Handed to the authentication filter (GatewaySecurity), which refuses the requests it counts.
   */
  @Bean
  FailedAuthenticationLimit failedAuthenticationLimit(
      RedisTokenBucket buckets, RateLimitProperties limits, Problems problems) {
    return new FailedAuthenticationLimit(buckets, limits.failedAuthentication(), problems);
  }
}
