package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.Arrays;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.clutch.jms.client.ShopBroker;
import org.clutch.shop.ui.osgi.Devices;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The desktop's Artemis client inside the OSGi framework: one bundle embeds the client jars and shares the Jakarta
 * Messaging API with the contracts bundle, and a connection attempt gets as far as the network (the transport
 * classes load through the bundle's class loader) and says plainly that the broker is not there.
 */
class SyncPluginTest {

    @Test
    void theEmbeddedClientLoadsAndReportsAnAbsentBrokerAsAJmsError() throws Exception {
        Bundle client = FrameworkUtil.getBundle(ShopBroker.class);
        assertNotNull(client, "ShopBroker comes from a bundle, not the class path");
        assertEquals("org.clutch.jms.client", client.getSymbolicName());
        Bundle contracts = Arrays.stream(FrameworkUtil.getBundle(Devices.class).getBundleContext().getBundles())
                .filter(b -> b.getSymbolicName().equals("org.clutch.contracts")).findFirst().orElseThrow();
        Bundle api = FrameworkUtil.getBundle(jakarta.jms.Message.class);
        assertEquals("jakarta.jms-api", api.getSymbolicName());
        assertEquals(api, jmsProvider(client));
        assertEquals(api, jmsProvider(contracts), "the contracts and the client use the same jakarta.jms");

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConnectionFactory factory = ShopBroker.connectionFactory("tcp://127.0.0.1:" + port, "shop-1", "secret");
        JMSException refused = assertThrows(JMSException.class, factory::createConnection);
        Throwable cause = refused.getCause() != null ? refused.getCause() : refused.getLinkedException();
        assertNotNull(cause, "the client says why");
        assertTrue(cause.getMessage().startsWith("AMQ219007: Cannot connect to server"), cause.toString());
    }

    private static Bundle jmsProvider(Bundle bundle) {
        return bundle.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(w -> "jakarta.jms".equals(w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                .findFirst().orElseThrow(() -> new AssertionError(bundle + " has no jakarta.jms wired")).getProvider().getBundle();
    }
}
