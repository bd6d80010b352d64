package com.snackmanager.gateway.routing;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway alone answers CORS: {@code Access-Control-*} headers a service sets (the paging
 * helper exposes its headers, for instance) are dropped so that a browser never sees them twice.
 */
@Component
public class GatewayOwnedResponseHeaders implements HttpHeadersFilter {

  private static final String CORS_PREFIX = "Access-Control-";

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    boolean any = false;
    for (String name : input.headerNames()) {
      if (isCors(name)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return input;
    }
    HttpHeaders kept = new HttpHeaders();
    input.forEach(
        (name, values) -> {
          if (!isCors(name)) {
            kept.addAll(name, values);
          }
        });
    return kept;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.RESPONSE;
  }

  /** Whether a response header is one of CORS's, which only the gateway sends. */
  static boolean isCors(String name) {
    return name.regionMatches(true, 0, CORS_PREFIX, 0, CORS_PREFIX.length());
  }
}
