package com.snackmanager.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {

  @Test
  void ipv4AddressesAreKeptAsTheyAre() {
    assertThat(ClientAddress.of(from(new InetSocketAddress("203.0.113.7", 5000))))
        .isEqualTo("203.0.113.7");
    // as forwarded by the gateway (X-Forwarded-For): an unresolved host string
    assertThat(ClientAddress.of(from(InetSocketAddress.createUnresolved("198.51.100.1", 0))))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void ipv6AddressesCountByTheirSlash64() {
    String first = ClientAddress.normalize("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
    assertThat(first).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(ClientAddress.normalize("[2001:db8:1:2::1]")).isEqualTo(first);
    assertThat(ClientAddress.of(from(new InetSocketAddress("2001:db8:1:2::99", 443))))
        .isEqualTo(first);
    assertThat(ClientAddress.normalize("2001:db8:1:3::1")).isNotEqualTo(first);
  }

  @Test
  void anythingElseIsKeptAndNeverLookedUp() {
    assertThat(ClientAddress.normalize("gateway.internal")).isEqualTo("gateway.internal");
    assertThat(ClientAddress.normalize("not:an:address:zz")).isEqualTo("not:an:address:zz");
    assertThat(ClientAddress.of(MockServerHttpRequest.post("/auth/token").build()))
        .isEqualTo(ClientAddress.UNKNOWN);
  }

  private static MockServerHttpRequest from(InetSocketAddress remote) {
    return MockServerHttpRequest.post("/auth/token").remoteAddress(remote).build();
  }
}
