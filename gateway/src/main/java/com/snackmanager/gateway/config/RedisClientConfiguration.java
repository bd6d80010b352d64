package com.snackmanager.gateway.config;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis serves the gateway's rate limits and token versions, both of which carry on without it.
 * While the connection is down a command fails at once instead of queueing until its timeout, so an
 * outage costs requests nothing.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

  @Bean
  LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
    return options ->
        options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
  }
}
