package org.clutch.launcher;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.BridgeConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.clutch.jms.Destinations;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Store-and-forward bridges from the platform's broker to partners' own brokers, one per partner that asks for one:
 * an Artemis core bridge takes what the platform puts on the partner's outbound address
 * ({@link Destinations#partnerOutbound}) and forwards it to an address on the partner's broker, with duplicate
 * detection and reconnecting for ever, so nothing is lost or doubled while either side is down.
 * <p>
 * Platform operators configure them in a properties file (as bridges are configured in a broker.xml), per partner
 * tenant id: {@code <id>.url} (the partner broker's core URL, {@code tcp://host:port}), {@code <id>.address} (where on
 * it), {@code <id>.user} and {@code <id>.password} (the account the partner gave the platform). The file is read at
 * start and again whenever it changes: a bridge is added, changed or removed without restarting the broker.
 */
public final class PartnerBridges implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PartnerBridges.class.getName());
    private static final String NAME_PREFIX = "partner-bridge-";

    /** One partner's bridge as configured. */
    record Bridge(UUID partner, String url, String address, String user, String password) {

        String name() {
            return NAME_PREFIX + partner;
        }
    }

    private final ActiveMQServer server;
    private final Path file;
    private final ScheduledExecutorService watcher;
    private final Map<UUID, Bridge> deployed = new HashMap<>();
    private FileTime readAt;
    /** The version of the file whose failure was last logged, so that a file that keeps failing is not logged every check. */
    private FileTime failureToldFor;

    private PartnerBridges(ActiveMQServer server, Path file) {
        this.server = server;
        this.file = file;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "partner-bridges");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Deploys the bridges the file lists now and follows its changes (checked every {@code everyMillis}). */
    static PartnerBridges follow(ActiveMQServer server, Path file, long everyMillis) {
        PartnerBridges bridges = new PartnerBridges(server, file);
        bridges.reloadIfChanged();
        bridges.watcher.scheduleWithFixedDelay(bridges::reloadIfChanged, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        return bridges;
    }

    private synchronized void reloadIfChanged() {
        FileTime modified = null;
        try {
            modified = lastModified();
            if (modified == null ? readAt == null && deployed.isEmpty() : modified.equals(readAt)) {
                return;
            }
            Map<UUID, Bridge> wanted = modified == null ? Map.of() : read(file);
            readAt = modified;
            for (Bridge old : List.copyOf(deployed.values())) {
                if (!old.equals(wanted.get(old.partner()))) {
                    server.destroyBridge(old.name());
                    deployed.remove(old.partner());
                    LOG.info(() -> "event=partner-bridge-removed partner=" + old.partner());
                }
            }
            for (Bridge bridge : wanted.values()) {
                if (!deployed.containsKey(bridge.partner())) {
                    deploy(bridge);
                    deployed.put(bridge.partner(), bridge);
                    LOG.info(() -> "event=partner-bridge-deployed partner=" + bridge.partner() + " to=" + bridge.url() + " address="
                            + bridge.address());
                }
            }
        } catch (Exception e) {
            // a file half-written or wrong: the bridges stay as they were, and the next change is read again
            readAt = null;
            // tried again at every check (the cause may pass), told once per version of the file
            if (modified == null || !modified.equals(failureToldFor)) {
                failureToldFor = modified;
                LOG.log(Level.WARNING, "event=partner-bridges-not-read file=" + file + " reason=" + e.getMessage(), e);
            }
        }
    }

    private FileTime lastModified() throws IOException {
        try {
            return Files.getLastModifiedTime(file);
        } catch (NoSuchFileException none) {
            return null;
        }
    }

    private void deploy(Bridge bridge) throws Exception {
        String outbound = Destinations.partnerOutbound(bridge.partner());
        if (server.locateQueue(outbound) == null) {
            server.createQueue(QueueConfiguration.of(outbound).setRoutingType(RoutingType.ANYCAST).setDurable(true)
                    .setAutoCreateAddress(true), true);
        }
        server.getConfiguration().addConnectorConfiguration(bridge.name(), bridge.url());
        server.deployBridge(new BridgeConfiguration()
                .setName(bridge.name())
                .setQueueName(outbound)
                .setForwardingAddress(bridge.address())
                .setStaticConnectors(List.of(bridge.name()))
                .setUser(bridge.user())
                .setPassword(bridge.password())
                .setUseDuplicateDetection(true)
                .setConfirmationWindowSize(1024 * 1024)
                .setReconnectAttempts(-1)
                .setRetryInterval(500)
                .setRetryIntervalMultiplier(2.0)
                .setMaxRetryInterval(30_000));
    }

    /** The bridges a file lists; one with a part missing or a partner id that is not one is refused, naming it. */
    static Map<UUID, Bridge> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, Map<String, String>> byPartner = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("'" + key + "' is not <partner tenant id>.url|address|user|password");
            }
            byPartner.computeIfAbsent(key.substring(0, dot), k -> new HashMap<>()).put(key.substring(dot + 1),
                    properties.getProperty(key).trim());
        }
        Map<UUID, Bridge> bridges = new HashMap<>();
        byPartner.forEach((id, values) -> {
            UUID partner;
            try {
                partner = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + id + "' is not a partner tenant id");
            }
            for (String needed : List.of("url", "address")) {
                if (values.getOrDefault(needed, "").isEmpty()) {
                    throw new IllegalArgumentException("the bridge of partner " + id + " has no " + needed);
                }
            }
            bridges.put(partner, new Bridge(partner, values.get("url"), values.get("address"), values.get("user"),
                    values.get("password")));
        });
        return bridges;
    }

    @Override
    public synchronized void close() {
        watcher.shutdownNow();
    }
}
