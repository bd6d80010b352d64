package com.snackmanager.gateway.config;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The base URL of every service behind the gateway, by service name ({@code snack.services.*}, set
 * with {@code SNACK_<NAME>_SERVICE_URL}). The routes in {@code application.yml} use the same
 * values, so a service has exactly one address.
 */
@ConfigurationProperties("snack")
public record DownstreamServices(Map<String, URI> services) {

  public DownstreamServices {
    services =
        services == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(services));
  }
}
