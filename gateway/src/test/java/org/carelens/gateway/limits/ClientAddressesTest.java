package org.carelens.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The address a request is limited and audited under: the socket's, unless a trusted proxy says.
 */
class ClientAddressesTest {

  @Test
  void the_client_address_is_the_sockets_and_x_forwarded_for_is_ignored_by_default() {
    ClientAddresses addresses = new ClientAddresses(new LimitsProperties());

    String address = addresses.of(socket("203.0.113.7"), List.of("198.51.100.2"));

    assertThat(address).isEqualTo("203.0.113.7");
  }

  @Test
  void from_a_trusted_proxy_the_client_is_the_right_most_address_that_is_not_a_proxy() {
    ClientAddresses addresses = new ClientAddresses(proxies("10.0.0.5", "10.0.0.6"));

    String address =
        addresses.of(socket("10.0.0.5"), List.of("192.0.2.1, 198.51.100.2", "10.0.0.6"));

    assertThat(address).isEqualTo("198.51.100.2");
  }

  @Test
  void from_a_trusted_proxy_an_unreadable_hop_stops_the_walk_at_the_proxy() {
    ClientAddresses addresses = new ClientAddresses(proxies("10.0.0.5"));

    String address = addresses.of(socket("10.0.0.5"), List.of("198.51.100.2, evil.example"));

    assertThat(address).isEqualTo("10.0.0.5");
  }

  @Test
  void an_ipv6_client_is_keyed_by_its_64_bit_prefix() {
    ClientAddresses addresses = new ClientAddresses(new LimitsProperties());

    String one = addresses.of(socket("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), List.of());
    String other = addresses.of(socket("2001:db8:1:2::99"), List.of());

    assertThat(one).isEqualTo(other).isEqualTo("2001:db8:1:2:0:0:0:0/64");
  }

  @Test
  void a_trusted_proxy_must_be_an_ip_address() {
    assertThatThrownBy(() -> new ClientAddresses(proxies("proxy.internal")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trusted-proxies must list IP addresses, was 'proxy.internal'");
  }

  private static InetSocketAddress socket(String ip) {
    return new InetSocketAddress(ClientAddresses.literal(ip).orElseThrow(), 40_000);
  }

  private static LimitsProperties proxies(String... ips) {
    LimitsProperties properties = new LimitsProperties();
    properties.setTrustedProxies(List.of(ips));
    return properties;
  }
}
