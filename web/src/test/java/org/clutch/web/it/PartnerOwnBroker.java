package org.clutch.web.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.BridgeConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.clutch.jms.Destinations;

/**
 * A partner's own Artemis broker, as docs/partners describes connecting one: the partner's system puts its messages on
 * a local queue, and a core bridge forwards them, store-and-forward, to the platform's partners' inbound address with
 * the partner's account, with duplicate detection and reconnecting for ever. Its journal survives a restart.
 */
final class PartnerOwnBroker implements AutoCloseable {

    static final String OUTGOING = "fleet.to-clutch";
    /** Where the platform's bridge to this broker puts the platform's messages to the partner. */
    static final String INCOMING = "fleet.from-clutch";

    private final Path directory;
    private final int port;
    private final String platformUrl;
    private final String user;
    private final String password;
    private EmbeddedActiveMQ server;

    PartnerOwnBroker(Path directory, String platformHost, int platformPort, String user, String password) throws IOException {
        this.directory = directory;
        this.platformUrl = platformHost + ":" + platformPort;
        this.user = user;
        this.password = password;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
    }

    PartnerOwnBroker start() throws Exception {
        ConfigurationImpl config = TestBroker.persistent("fleet-broker", directory);
        config.addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        String[] hostPort = platformUrl.split(":");
        config.addConnectorConfiguration("clutch", new TransportConfiguration(NettyConnectorFactory.class.getName(),
                java.util.Map.of("host", hostPort[0], "port", hostPort[1])));
        config.addQueueConfiguration(QueueConfiguration.of(OUTGOING).setRoutingType(RoutingType.ANYCAST));
        config.addQueueConfiguration(QueueConfiguration.of(INCOMING).setRoutingType(RoutingType.ANYCAST));
        config.addBridgeConfiguration(new BridgeConfiguration()
                .setName("to-clutch")
                .setQueueName(OUTGOING)
                .setForwardingAddress(Destinations.PARTNER_INBOUND)
                .setStaticConnectors(List.of("clutch"))
                .setUser(user)
                .setPassword(password)
                .setUseDuplicateDetection(true)
                .setReconnectAttempts(-1)
                .setRetryInterval(200)
                .setConfirmationWindowSize(1024 * 1024));
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        return this;
    }

    /** Down as a machine switched off: in-flight messages are the journal's to keep. */
    void stop() throws Exception {
        server.stop();
        server = null;
    }

    /** How the partner's own systems reach their broker. */
    ConnectionFactory local() {
        return new ActiveMQConnectionFactory(url());
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            stop();
        }
    }
}
