package com.snackmanager.gateway.routing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * Tells the services who the client is: {@code X-Forwarded-For} set to the one address the gateway
 * itself knows the client by (the socket's peer, or behind a trusted ingress the address that
 * ingress forwarded), after Spring Cloud Gateway has dropped whatever the client sent. The
 * auth-service throttles failed sign-ins per address with it.
 */
@Component
public class ClientAddressHeader implements HttpHeadersFilter, Ordered {

  static final String HEADER = "X-Forwarded-For";

  private static final List<String> FORWARDED_FOR = List.of("Forwarded", HEADER);
  // the request's own URI only gives a default port, which an address does not need
  private static final URI ANY = URI.create("http://gateway");

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

  /**
   * The client's address as {@link #clientIp(ServerHttpRequest)} finds it, for a request not
   * wrapped by WebFlux (the direct routes): the peer, or with {@code
   * server.forward-headers-strategy= framework} ({@code trustForwarded}) what its {@code Forwarded}
   * or {@code X-Forwarded-For} header names, read by the same Spring code as WebFlux's {@code
   * ForwardedHeaderTransformer}.
   */
  public static String clientIp(
      io.netty.handler.codec.http.HttpHeaders headers,
      InetSocketAddress peer,
      boolean trustForwarded) {
    if (!trustForwarded) {
      return clientIp(peer);
    }
    HttpHeaders forwarded = new HttpHeaders();
    for (String name : FORWARDED_FOR) {
      List<String> values = headers.getAll(name);
      if (!values.isEmpty()) {
        forwarded.addAll(name, values);
      }
    }
    return clientIp(
        forwarded.isEmpty() ? peer : ForwardedHeaderUtils.parseForwardedFor(ANY, forwarded, peer));
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
