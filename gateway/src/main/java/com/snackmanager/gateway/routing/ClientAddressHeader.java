package com.snackmanager.gateway.routing;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is: {@code X-Forwarded-For} set to the one address the gateway
 * itself knows the client by (the socket's peer, or behind a trusted ingress the address that
 * ingress forwarded), after Spring Cloud Gateway has dropped whatever the client sent. The
 * auth-service throttles failed sign-ins per address with it.
 */
@Component
public class ClientAddressHeader implements HttpHeadersFilter, Ordered {

  static final String HEADER = "X-Forwarded-For";

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    HttpHeaders headers = new HttpHeaders();
    input.forEach(headers::addAll);
    headers.set(HEADER, clientIp(exchange.getRequest()));
    return headers;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.REQUEST;
  }

  /** After the built-in filters that remove client-sent forwarding headers. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE - 1;
  }

  /** The client's address as the gateway knows it: what it limits per IP and tells the services. */
  public static String clientIp(ServerHttpRequest request) {
    return clientIp(request.getRemoteAddress());
  }

  /** The address of a client connected from {@code remote} (may be null: "unknown"). */
  public static String clientIp(InetSocketAddress remote) {
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() == null
        ? remote.getHostString()
        : remote.getAddress().getHostAddress();
  }
}
