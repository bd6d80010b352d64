package com.snackmanager.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The client's address on the direct routes, where no WebFlux transformer has read it. */
class ClientAddressHeaderTest {

  private static final InetSocketAddress INGRESS = new InetSocketAddress("10.1.2.3", 41234);

  @Test
  void withoutTrustedForwardingTheClientIsThePeerWhateverItClaims() {
    HttpHeaders headers = new DefaultHttpHeaders().set("X-Forwarded-For", "203.0.113.66");

    assertThat(ClientAddressHeader.clientIp(headers, INGRESS, false)).isEqualTo("10.1.2.3");
  }

  @Test
  void behindATrustedIngressTheClientIsTheOneItForwarded() {
    assertThat(
            ClientAddressHeader.clientIp(
                new DefaultHttpHeaders().set("X-Forwarded-For", "203.0.113.5, 10.0.0.7"),
                INGRESS,
                true))
        .isEqualTo("203.0.113.5");
    assertThat(
            ClientAddressHeader.clientIp(
                new DefaultHttpHeaders().set("Forwarded", "for=198.51.100.7;proto=https"),
                INGRESS,
                true))
        .isEqualTo("198.51.100.7");
    assertThat(ClientAddressHeader.clientIp(new DefaultHttpHeaders(), INGRESS, true))
        .isEqualTo("10.1.2.3");
  }
}
