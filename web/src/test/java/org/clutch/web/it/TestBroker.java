package org.clutch.web.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.clutch.jms.Destinations;
import org.clutch.jms.SyncMessages;
import org.clutch.jms.client.ShopBroker;

/**
 * A real Artemis broker in the test JVM with a persistent journal in a temporary directory, so it can be stopped and
 * started again with its messages and its duplicate-detection cache, as a broker that went down and came back.
 */
final class TestBroker implements AutoCloseable {

    final int port;
    private final Path directory;
    private EmbeddedActiveMQ server;

    TestBroker(Path directory) throws IOException {
        this.directory = directory;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    TestBroker start() throws Exception {
        ConfigurationImpl config = persistent("test-broker", directory);
        config.addAcceptorConfiguration("core", url() + "?protocols=CORE");
        config.addQueueConfiguration(QueueConfiguration.of(Destinations.SYNC_INBOUND).setRoutingType(RoutingType.ANYCAST));
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        return this;
    }

    /** An unsecured broker whose journal in {@code directory} survives a restart. */
    static ConfigurationImpl persistent(String name, Path directory) {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName(name).setPersistenceEnabled(true).setSecurityEnabled(false)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setLargeMessagesDirectory(directory.resolve("large").toString())
                .setPagingDirectory(directory.resolve("paging").toString());
        return config;
    }

    void stop() throws Exception {
        server.stop();
        server = null;
    }

    /** Connections as the shop desktop makes them (failing fast when the broker is away). */
    ConnectionFactory connectionFactory() {
        return ShopBroker.connectionFactory(url(), null, null);
    }

    /** Takes every message waiting on the inbound queue, in order, as their event ids. */
    List<UUID> takeInbound() throws JMSException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(Destinations.SYNC_INBOUND));
            Message message;
            while ((message = consumer.receive(ids.isEmpty() ? 2000 : 500)) != null) {
                ids.add(UUID.fromString(message.getStringProperty(SyncMessages.EVENT_ID)));
            }
        }
        return ids;
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            stop();
        }
    }
}
