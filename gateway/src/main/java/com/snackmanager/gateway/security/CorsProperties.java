package com.snackmanager.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which browser origins may call the API ({@code snack.cors.*}; {@code SNACK_CORS_ALLOWED_ORIGINS}
 * takes a comma-separated list).
 *
 * @param allowedOrigins exact origins, e.g. {@code http://localhost:5173}
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("snack.cors")
public record CorsProperties(List<String> allowedOrigins, Duration maxAge) {

  public CorsProperties {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
  }
}
