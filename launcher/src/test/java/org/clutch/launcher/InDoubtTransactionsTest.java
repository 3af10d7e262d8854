package org.clutch.launcher;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.transaction.impl.XidImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A backend killed between the two phases of committing leaves the broker holding what it had received, prepared;
 * the launcher rolls back, once the new backend has recovered, those prepared before it started.
 */
class InDoubtTransactionsTest {

    private static final String QUEUE = "clutch.sync.inbound";

    @TempDir
    Path journal;

    private EmbeddedActiveMQ broker;
    private String url;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private int nextTransaction;

    @BeforeEach
    void startBroker() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        url = "tcp://127.0.0.1:" + port;
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(journal.resolve("journal").toString());
        configuration.setBindingsDirectory(journal.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(journal.resolve("large-messages").toString());
        configuration.setPagingDirectory(journal.resolve("paging").toString());
        configuration.addAcceptorConfiguration("tcp", url);
        configuration.addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST));
        broker = new EmbeddedActiveMQ().setConfiguration(configuration).start();
    }

    @AfterEach
    void stopBroker() throws Exception {
        for (AutoCloseable client : clients.reversed()) {
            client.close();
        }
        broker.stop();
    }

    @Test
    void whatAnEarlierBackendOnThisHostLeftPreparedIsRolledBackAndDeliveredAgain() throws Exception {
        send("first", "second", "third");
        Xid killedBackend = receivePrepared("vm", 2); // first, second: held in a prepared transaction
        Xid otherHost = receivePrepared("elsewhere", 1); // third: prepared by a backend on another machine

        Set<Xid> earlier = InDoubtTransactions.heldBefore(url, null, null, "vm");
        assertEquals(Set.of(killedBackend), earlier, "only this host's Payara's transactions");

        send("fourth");
        Xid newBackend = receivePrepared("vm", 1); // the backend started since prepares one of its own

        try (InDoubtTransactions recovery = InDoubtTransactions.connect(url, null, null)) {
            assertEquals(1, recovery.rollBackStillPrepared(earlier, "vm"));
            assertEquals(Set.of(newBackend), recovery.heldFor("vm"), "the new backend's own transaction is left alone");
            assertEquals(0, recovery.rollBackStillPrepared(earlier, "vm"), "nothing twice");
        }
        assertEquals(List.of("first", "second"), receiveAll(), "delivered again, in order");
        assertNotNull(otherHost);
    }

    @Test
    void aTransactionTheNewBackendFinishedItselfIsNotTouched() throws Exception {
        send("first");
        ClientSession backend = xaSession();
        Xid prepared = prepare(backend, "vm", 1);
        Set<Xid> earlier = InDoubtTransactions.heldBefore(url, null, null, "vm");
        backend.commit(prepared, false); // Payara's recovery found it committing in its log and finished it

        try (InDoubtTransactions recovery = InDoubtTransactions.connect(url, null, null)) {
            assertEquals(0, recovery.rollBackStillPrepared(earlier, "vm"));
        }
        assertEquals(List.of(), receiveAll(), "committed: consumed for good");
    }

    @Test
    void aBrokerThatCannotBeReachedYieldsNothingToRollBack() {
        assertEquals(Set.of(), InDoubtTransactions.heldBefore("tcp://127.0.0.1:1?reconnectAttempts=0&initialConnectAttempts=1", null,
                null, "vm"));
    }

    private void send(String... bodies) throws Exception {
        ClientSession session = session(false);
        ClientProducer producer = session.createProducer(QUEUE);
        for (String body : bodies) {
            ClientMessage message = session.createMessage(true);
            message.getBodyBuffer().writeString(body);
            producer.send(message);
        }
    }

    /** Receives {@code count} messages in an XA transaction of a Payara on {@code host} and prepares it. */
    private Xid receivePrepared(String host, int count) throws Exception {
        return prepare(xaSession(), host, count);
    }

    private Xid prepare(ClientSession session, String host, int count) throws Exception {
        Xid xid = new XidImpl((host + ",server,P100,\0").getBytes(StandardCharsets.ISO_8859_1), InDoubtTransactions.PAYARA_FORMAT,
                ("tx-" + ++nextTransaction).getBytes(StandardCharsets.ISO_8859_1));
        session.start(xid, XAResource.TMNOFLAGS);
        session.start();
        ClientConsumer consumer = session.createConsumer(QUEUE);
        for (int i = 0; i < count; i++) {
            ClientMessage message = consumer.receive(5_000);
            assertNotNull(message, "message " + (i + 1) + " of " + count);
            message.acknowledge();
        }
        consumer.close();
        session.end(xid, XAResource.TMSUCCESS);
        session.prepare(xid);
        return xid;
    }

    private List<String> receiveAll() throws Exception {
        ClientSession session = session(true);
        session.start();
        ClientConsumer consumer = session.createConsumer(QUEUE);
        List<String> bodies = new ArrayList<>();
        for (ClientMessage message = consumer.receive(1_000); message != null; message = consumer.receive(500)) {
            message.acknowledge();
            bodies.add(message.getBodyBuffer().readString());
        }
        assertNull(consumer.receiveImmediate());
        return bodies;
    }

    private ClientSession xaSession() throws Exception {
        ClientSession session = factory().createSession(true, false, false);
        clients.add(session);
        return session;
    }

    private ClientSession session(boolean autoCommitAcks) throws Exception {
        ClientSession session = factory().createSession(false, true, autoCommitAcks);
        clients.add(session);
        return session;
    }

    private ClientSessionFactory factory() throws Exception {
        ServerLocator locator = ActiveMQClient.createServerLocator(url);
        clients.add(locator);
        ClientSessionFactory factory = locator.createSessionFactory();
        clients.add(factory);
        return factory;
    }
}
