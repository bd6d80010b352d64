package com.snackmanager.order.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every order time comes from (one bean, so tests can set the time) and the business time
 * zone ({@code snack.business-time-zone}, default Asia/Seoul) that decides an order's day.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ZoneId businessTimeZone(@Value("${snack.business-time-zone}") String zone) {
    return ZoneId.of(zone);
  }
}
