package com.snackmanager.gateway.openapi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the aggregated document is built ({@code snack.openapi.*}).
 *
 * @param fetchTimeout how long to wait for one service's document before leaving it out
 * @param cacheFor how long a merged document is served before the services are asked again (the
 *     endpoint is public: it must not fan out to every service on every hit)
 */
@ConfigurationProperties("snack.openapi")
public record OpenApiProperties(Duration fetchTimeout, Duration cacheFor) {

  public OpenApiProperties {
    fetchTimeout = fetchTimeout == null ? Duration.ofSeconds(2) : fetchTimeout;
    cacheFor = cacheFor == null ? Duration.ofSeconds(30) : cacheFor;
  }
}
