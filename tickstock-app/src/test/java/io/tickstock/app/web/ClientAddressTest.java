package io.tickstock.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request counts against: the peer, or what a trusted proxy reports for it. */
class ClientAddressTest {
    final ClientAddress addresses = new ClientAddress(List.of("10.0.0.5", "10.0.0.6"));

    @Test
    void aDirectClientIsItsPeerWhateverItSends() {
        assertThat(addresses.of("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        assertThat(new ClientAddress(List.of()).of("10.0.0.5", "198.51.100.1")).isEqualTo("10.0.0.5");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopCounts() {
        assertThat(addresses.of("10.0.0.5", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(addresses.of("10.0.0.5", "1.2.3.4, 198.51.100.1, 10.0.0.6"))
                .as("the client's own entry (1.2.3.4) could be forged")
                .isEqualTo("198.51.100.1");
        assertThat(addresses.of("10.0.0.5", "2001:db8::1")).isEqualTo("2001:db8::1");
    }

    @Test
    void aMissingOrMalformedHeaderLeavesThePeer() {
        assertThat(addresses.of("10.0.0.5", null)).isEqualTo("10.0.0.5");
        assertThat(addresses.of("10.0.0.5", "<script>")).isEqualTo("10.0.0.5");
        assertThat(addresses.of("10.0.0.5", "x".repeat(100))).isEqualTo("10.0.0.5");
        assertThat(addresses.of("10.0.0.5", "10.0.0.6")).isEqualTo("10.0.0.5");
    }
}
