package br.com.balcao.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv6HostCountsAsItsWhole64() {
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:1"))
                .isEqualTo(ClientAddress.of("2001:db8:1:2::ffff"))
                .isEqualTo(ClientAddress.of("2001:db8:1:2::1%eth0"))
                .isNotEqualTo(ClientAddress.of("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4AddressCountsAlone() {
        assertThat(ClientAddress.of("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of("203.0.113.8")).isNotEqualTo(ClientAddress.of("203.0.113.7"));
    }

    @Test
    void somethingElseIsKeptAsItIsCutShortAndNeverLookedUp() {
        assertThat(ClientAddress.of(null)).isEqualTo("unknown");
        assertThat(ClientAddress.of("proxy.example:8080")).isEqualTo("proxy.example:8080");
        assertThat(ClientAddress.of("x".repeat(500))).hasSize(64);
    }
}
