package org.clutch.web.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(Optional.of("10.0.0.5, 10.0.0.6"));

    @Test
    void withoutTrustedProxiesTheConnectionIsTheClientWhateverTheHeaderSays() {
        assertEquals("192.0.2.9", new ClientAddresses(Optional.empty()).of("192.0.2.9", "198.51.100.1"));
    }

    @Test
    void fromATrustedProxyTheNearestUntrustedForwardedAddressIsTheClient() {
        assertEquals("198.51.100.1", behindProxies.of("10.0.0.5", "198.51.100.1"));
        assertEquals("198.51.100.1", behindProxies.of("10.0.0.5", "203.0.113.66, 198.51.100.1, 10.0.0.6"),
                "a client cannot put an address of its choosing in front of the one the proxies saw");
    }

    @Test
    void anotherPeerCannotNameAnAddressAndAProxyWithoutTheHeaderIsItself() {
        assertEquals("192.0.2.9", behindProxies.of("192.0.2.9", "198.51.100.1"));
        assertEquals("10.0.0.5", behindProxies.of("10.0.0.5", null));
        assertEquals("10.0.0.5", behindProxies.of("10.0.0.5", "10.0.0.6, "));
    }
}
