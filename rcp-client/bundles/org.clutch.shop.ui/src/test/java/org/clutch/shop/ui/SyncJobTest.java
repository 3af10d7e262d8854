package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;

import org.clutch.shop.sync.OutboxSender;
import org.clutch.shop.sync.SyncAgent;
import org.clutch.shop.sync.SyncSettings;
import org.clutch.shop.sync.SyncState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the sync job tries the marketplace again: a broker that restarts is back within about a second, and the shop
 * should be back with it, not 5 or 30 seconds later. The broker here is the JMS API answering every call (what the
 * broker does with the messages is tested end to end in the backend's DesktopSyncIT), so that the connection can be
 * lost and found again on cue.
 */
class SyncJobTest {

    @TempDir
    Path directory;

    private ScreenFixture ui;
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private final AtomicBoolean brokerAnswers = new AtomicBoolean(true);
    private final AtomicReference<ExceptionListener> connectionWatcher = new AtomicReference<>();
    private SyncJob sync;

    @BeforeEach
    void open() {
        ui = new ScreenFixture(directory);
        new SyncSettings(UUID.randomUUID(), "tcp://broker.example:61616", "shop-1", "secret").save(ui.shop.database());
        sync = new SyncJob(new SyncAgent(ui.shop.database(), ui.shop.clock(), settings -> broker(),
                OutboxSender.DEFAULT_BATCH_SIZE), ui.shop.database());
    }

    @AfterEach
    void close() {
        sync.stop();
        ui.close();
    }

    @Test
    void aConnectionLostBetweenTwoRunsIsOpenedAgainWithinASecond() {
        sync.start();
        ui.waitFor(() -> sync.agent().state().status() == SyncState.Status.ONLINE);
        assertEquals(1, connectionsOpened.get());

        long lost = System.nanoTime();
        connectionWatcher.get().onException(new JMSException("AMQ219015: The connection was disconnected because of server shutdown"));
        ui.waitFor(() -> connectionsOpened.get() == 2 && sync.agent().state().status() == SyncState.Status.ONLINE);
        double seconds = (System.nanoTime() - lost) / 1e9;
        assertTrue(seconds < 1.5, "back online after " + seconds + " s, not at the next 30-second check");
    }

    @Test
    void aBrokerThatIsDownIsTriedFourTimesASecondAtFirst() {
        brokerAnswers.set(false);
        long started = System.nanoTime();
        sync.start();
        ui.waitFor(() -> connectionsOpened.get() >= 5);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds < 2.5, "five tries took " + seconds + " s (after the first, 250 ms apart)");
        assertEquals(SyncState.Status.OFFLINE, sync.agent().state().status());

        brokerAnswers.set(true);
        ui.waitFor(() -> sync.agent().state().status() == SyncState.Status.ONLINE);
    }

    /** A connection factory whose connections answer every call; refused while {@link #brokerAnswers} is false. */
    private ConnectionFactory broker() {
        return proxy(ConnectionFactory.class, (method, args) -> {
            connectionsOpened.incrementAndGet();
            if (!brokerAnswers.get()) {
                throw new JMSException("Failed to create session factory: AMQ219007: Cannot connect to server(s)");
            }
            return proxy(Connection.class, (m, a) -> {
                if (m.equals("setExceptionListener")) {
                    connectionWatcher.set((ExceptionListener) a[0]);
                }
                return null;
            });
        });
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    /**
     * {@code type} answering each call with {@code answer}; where that gives null, an interface result is another such
     * proxy answering null everywhere (a session, its producer, a message), a primitive its zero.
     */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(SyncJobTest.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> type.getSimpleName() + " stand-in";
                };
            }
            Object result = answer.answer(method.getName(), args);
            Class<?> returns = method.getReturnType();
            if (result != null || returns == void.class) {
                return result;
            }
            if (returns.isInterface()) {
                return proxy(returns, (m, a) -> null);
            }
            if (returns == boolean.class) {
                return false;
            }
            if (returns == long.class) {
                return 0L;
            }
            if (returns == int.class) {
                return 0;
            }
            return null;
        });
    }
}
