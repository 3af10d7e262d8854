package org.clutch.launcher;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.clutch.jms.Destinations;
import org.clutch.jms.PartnerMessages;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * An ActiveMQ Artemis broker in this JVM with a persistent journal, listening on loopback. Every address gets
 * the platform's delivery rules: a bounded number of redeliveries, then the dead-letter queue.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /**
     * Artemis' audit loggers write a line per message sent, delivered and acknowledged; through java.util.logging
     * they are on by default, which costs more than the broker's own work on a sync backlog. Kept here so the
     * settings live as long as the broker (java.util.logging holds loggers weakly).
     */
    private static final List<Logger> QUIET_AUDIT = Stream.of("org.apache.activemq.audit.base",
            "org.apache.activemq.audit.message", "org.apache.activemq.audit.resource").map(Logger::getLogger)
            .peek(logger -> logger.setLevel(Level.WARNING)).toList();

    /** Journal files of 10 MiB each made at the first start (see {@code setJournalMinFiles} below). */
    static final int JOURNAL_FILES_MADE_AHEAD = 10;

    private final EmbeddedActiveMQ server;
    private final int port;
    private final BrokerSecurity security;
    private PartnerBridges bridges;

    private EmbeddedBroker(EmbeddedActiveMQ server, int port, BrokerSecurity security) {
        this.server = server;
        this.port = port;
        this.security = security;
    }

    /** A broker without security: for a deployment smoke test, never for the backend. */
    public static EmbeddedBroker start(Path dataDir, int port) throws Exception {
        return start(dataDir, port, null);
    }

    /**
     * With {@code security}, every connection logs in (the backend's account, or a shop desktop's) and the broker
     * stamps the account on what it sends ({@link org.clutch.jms.BrokerAccountNames#VALIDATED_USER}); the broker
     * closes it when it stops.
     */
    /** AMQP messages up to this size are held whole rather than as large messages (see the AMQP acceptor). */
    static final int AMQP_WHOLE_MESSAGE_BYTES = 4 * PartnerMessages.MAX_BODY_CHARS;

    public static EmbeddedBroker start(Path dataDir, int port, BrokerSecurity security) throws Exception {
        return start(dataDir, port, 0, security);
    }

    /**
     * With {@code amqpPort} above 0 the broker also speaks AMQP 1.0 there, for partners' systems (any AMQP client;
     * qpid-jms is the reference); the same accounts and rules apply to both protocols.
     */
    public static EmbeddedBroker start(Path dataDir, int port, int amqpPort, BrokerSecurity security) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("clutch-embedded")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(security != null)
                .setPopulateValidatedUser(security != null)
                // every login is checked against the accounts as they are now: a reissued or revoked shop account
                // stops working at once (a login reads one row over a connection BrokerSecurity keeps open)
                .setAuthenticationCacheSize(0)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                // How long the journal gathers writes before it flushes: the best trade of latency for throughput
                // on this kind of disk (docs/benchmarks.md).
                .setJournalBufferTimeout_NIO(200_000)
                .setJournalBufferTimeout_AIO(200_000)
                // Journal files made at the first start rather than while messages arrive: a new file is written
                // full of zeros before use, which took the broker's CPU while a desktop's backlog came in; a broker
                // that has worked a while holds several anyway.
                .setJournalMinFiles(JOURNAL_FILES_MADE_AHEAD);
        config.addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        if (amqpPort > 0) {
            // An AMQP message kept as a large message reaches the backend's core consumer without the sender the broker
            // stamped on it (populate-validated-user), so it could never be answered: every message a partner may send
            // stays whole (PartnerMessages.MAX_BODY_CHARS characters, at most four bytes each), and so does one of
            // plain ASCII up to four times too large, which is then answered as too large.
            config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + amqpPort + "?protocols=AMQP;amqpMinLargeMessageSize="
                    + AMQP_WHOLE_MESSAGE_BYTES);
            config.getOutgoingInterceptorClassNames().add(NoNullAmqpProperties.class.getName());
        }
        config.addAddressSetting("#", deliveryRules());
        config.addAddressSetting(Destinations.SHOP_INBOXES_MATCH, inboxRules());
        config.addAddressSetting(Destinations.PARTNER_PREFIX + "#", partnerRules());
        config.addQueueConfiguration(QueueConfiguration.of(Destinations.DEAD_LETTERS).setRoutingType(RoutingType.ANYCAST));
        config.addQueueConfiguration(QueueConfiguration.of(Destinations.EXPIRED).setRoutingType(RoutingType.ANYCAST));
        config.addQueueConfiguration(QueueConfiguration.of(Destinations.QUOTE_REQUESTS).setRoutingType(RoutingType.ANYCAST));
        config.addQueueConfiguration(QueueConfiguration.of(Destinations.SYNC_INBOUND).setRoutingType(RoutingType.ANYCAST));
        config.addQueueConfiguration(QueueConfiguration.of(Destinations.SYNC_REJECTED).setRoutingType(RoutingType.ANYCAST));
        config.addQueueConfiguration(QueueConfiguration.of(Destinations.PARTNER_INBOUND).setRoutingType(RoutingType.ANYCAST));

        if (security != null) {
            config.registerBrokerPlugin(new SenderStamp());
        }
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        if (security != null) {
            server.setSecurityManager(security);
        }
        server.start();
        return new EmbeddedBroker(server, port, security);
    }

    /** The rules a standalone broker must be given too (broker.xml address-settings for "#"). */
    static AddressSettings deliveryRules() {
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(Destinations.DEAD_LETTERS))
                .setExpiryAddress(SimpleString.of(Destinations.EXPIRED))
                .setMaxDeliveryAttempts(Destinations.MAX_DELIVERY_ATTEMPTS)
                .setRedeliveryDelay(250)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true);
    }

    /**
     * A shop inbox is the shop's mailbox for good, not removed when its desktop disconnects with nothing waiting, and
     * drops what expired instead of keeping it in the expiry queue (broker.xml: an address-setting for
     * "clutch.shop.#" with an empty expiry-address and auto-delete-queues/addresses false).
     */
    static AddressSettings inboxRules() {
        return new AddressSettings().setExpiryAddress(SimpleString.of("")).setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false);
    }

    /**
     * A partner's addresses are its mailbox for good, kept while its system is away (broker.xml: an address-setting
     * for "clutch.partner.#" with auto-delete-queues/addresses false and anycast as the routing type of what is made
     * on first use, whichever protocol makes it).
     */
    static AddressSettings partnerRules() {
        return new AddressSettings().setAutoDeleteQueues(false).setAutoDeleteAddresses(false)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST).setDefaultQueueRoutingType(RoutingType.ANYCAST);
    }

    /**
     * Bridges partners' outbound addresses to their own brokers as {@code file} says, now and whenever it changes
     * ({@link PartnerBridges}; checked every {@code everyMillis}).
     */
    public EmbeddedBroker followPartnerBridges(Path file, long everyMillis) {
        bridges = PartnerBridges.follow(server.getActiveMQServer(), file, everyMillis);
        return this;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        if (bridges != null) {
            bridges.close();
        }
        server.stop();
        if (security != null) {
            security.close();
        }
    }
}
