package org.sutahsilat.portal.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressFilterTest {

    private static final Set<String> PROXY = ClientAddressFilter.parse(" 10.0.0.5 , 10.0.0.6,");

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() {
        assertThat(ClientAddressFilter.resolve("85.34.78.112", List.of("1.2.3.4"), Set.of())).isEqualTo("85.34.78.112");
    }

    @Test
    void aClientCannotChooseItsOwnAddress() {
        // not from the proxy: whatever the header says, the connection's address counts
        assertThat(ClientAddressFilter.resolve("85.34.78.112", List.of("1.2.3.4"), PROXY)).isEqualTo("85.34.78.112");
        // through the proxy, a forged first entry is ignored: the right-most address the proxy added counts
        assertThat(ClientAddressFilter.resolve("10.0.0.5", List.of("1.2.3.4, 85.34.78.112"), PROXY))
                .isEqualTo("85.34.78.112");
    }

    @Test
    void chainsOfTrustedProxiesAndSeveralHeadersAreWalkedFromTheRight() {
        assertThat(ClientAddressFilter.resolve("10.0.0.5", List.of("85.34.78.112", "10.0.0.6"), PROXY))
                .isEqualTo("85.34.78.112");
        assertThat(ClientAddressFilter.resolve("10.0.0.5", List.of("2a02:ff0:1::7, 10.0.0.6"), PROXY))
                .isEqualTo("2a02:ff0:1::7");
    }

    @Test
    void garbageOrOnlyProxiesFallBackToTheConnection() {
        assertThat(ClientAddressFilter.resolve("10.0.0.5", List.of("unknown"), PROXY)).isEqualTo("10.0.0.5");
        assertThat(ClientAddressFilter.resolve("10.0.0.5", List.of("<script>"), PROXY)).isEqualTo("10.0.0.5");
        assertThat(ClientAddressFilter.resolve("10.0.0.5", List.of("10.0.0.6"), PROXY)).isEqualTo("10.0.0.5");
        assertThat(ClientAddressFilter.resolve("10.0.0.5", List.of(), PROXY)).isEqualTo("10.0.0.5");
    }
}
