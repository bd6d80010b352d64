package com.snackmanager.statistics.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The business time zone ({@code snack.business-time-zone}, default Asia/Seoul, the order-service's
 * too) that decides an order's day, and the clock. Changing the zone needs a rebuild: the days of
 * orders already counted were decided with the old one.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  ZoneId businessTimeZone(@Value("${snack.business-time-zone}") String zone) {
    return ZoneId.of(zone);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
