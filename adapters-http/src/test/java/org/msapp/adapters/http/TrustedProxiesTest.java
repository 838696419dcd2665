package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7, 2001:db8:aa::/48");

    private static String client(String peer, String... forwardedFor) {
        return PROXIES.clientAddress(peer, List.of(forwardedFor));
    }

    @Test
    void a_peer_that_is_no_trusted_proxy_is_the_client_whatever_it_forwards() {
        assertThat(client("203.0.113.5", "198.51.100.1")).isEqualTo("203.0.113.5");
        assertThat(TrustedProxies.none().clientAddress("10.0.0.1", List.of("198.51.100.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void behind_a_trusted_proxy_the_client_is_the_right_most_hop_that_is_no_trusted_proxy() {
        assertThat(client("10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(client("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.9.9.9", "192.0.2.7")).as("a forger's hop on the left, two proxies")
                .isEqualTo("198.51.100.1");
        assertThat(client("[2001:db8:aa::1]", "2001:db8:ff::9")).isEqualTo("2001:db8:ff:0:0:0:0:9");
    }

    @Test
    void behind_a_trusted_proxy_that_forwards_nothing_the_proxy_is_the_client() {
        assertThat(client("10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(client("10.1.2.3", "10.4.5.6")).as("every hop trusted: the left-most").isEqualTo("10.4.5.6");
    }

    @Test
    void a_hop_that_names_no_address_stops_the_walk_at_the_proxy_that_wrote_it() {
        assertThat(client("10.1.2.3", "198.51.100.1, unknown")).isEqualTo("10.1.2.3");
        assertThat(client("10.1.2.3", "198.51.100.1, _hidden, 10.4.5.6")).isEqualTo("10.4.5.6");
        assertThat(client("10.1.2.3", "")).isEqualTo("10.1.2.3");
    }

    @Test
    void hops_with_ports_name_their_address() {
        assertThat(client("10.1.2.3", "198.51.100.1:4711")).isEqualTo("198.51.100.1");
        assertThat(client("10.1.2.3", "[2001:db8::7]:4711")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void ranges_hold_the_addresses_under_their_prefix_and_no_other() {
        var v4 = TrustedProxies.parse("172.16.0.0/12");
        assertThat(v4.clientAddress("172.31.255.255", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(v4.clientAddress("172.32.0.0", List.of("198.51.100.1"))).isEqualTo("172.32.0.0");
        var all = TrustedProxies.parse("0.0.0.0/0");
        assertThat(all.clientAddress("8.8.8.8", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(all.clientAddress("::1", List.of("198.51.100.1"))).as("an IPv4 range holds no IPv6 address").isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void what_is_not_a_range_is_refused_with_its_text() {
        for (String bad : List.of("10.0.0.0/33", "10.0.0.1/8", "256.0.0.0/8", "10.0.0/8", "proxy.internal", "fe80::1%eth0",
                "2001:db8::/129", "10.0.0.0/", "10.0.0.0/-1", ".:1")) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThat(TrustedProxies.parse(" , ")).hasToString("none");
    }
}
