package com.snackmanager.auth.token;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a sign-in comes from, as the gateway saw it. Services run with {@code
 * server.forward-headers-strategy=framework} (service-defaults), so the request's remote address is
 * the one the gateway put in {@code X-Forwarded-For}, or the socket's peer without that header.
 *
 * <p>Trust assumption: only the gateway reaches this service (compose network, Kubernetes network
 * policies), and the gateway drops every {@code Forwarded}/{@code X-Forwarded-*} header a client
 * sends. Anyone who can reach the service directly can claim any address.
 *
 * <p>An IPv6 address counts by its /64 prefix: one subscriber usually holds a whole /64 and could
 * otherwise take a fresh address for every guess.
 */
final class ClientAddress {

  static final String UNKNOWN = "unknown";
  private static final int IPV6_PREFIX_BYTES = 8;
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private ClientAddress() {}

  static String of(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null) {
      return UNKNOWN;
    }
    return remote.getAddress() != null
        ? normalize(remote.getAddress())
        : normalize(remote.getHostString());
  }

  /** An address as text; IPv6 literals are reduced to their /64 prefix, anything else is kept. */
  static String normalize(String host) {
    String literal =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!IPV6_LITERAL.matcher(literal).matches()) {
      return literal;
    }
    try {
      // an IPv6 literal is parsed, never looked up in DNS
      return normalize(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      return literal;
    }
  }

  private static String normalize(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
    Arrays.fill(prefix, IPV6_PREFIX_BYTES, prefix.length, (byte) 0);
    try {
      return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }
}
