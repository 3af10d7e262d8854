package org.clutch.jms.client;

import java.util.function.Supplier;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The shop desktop's way to the broker. Artemis finds its transport classes through the thread's context class
 * loader, which inside an OSGi framework is not the loader of the bundle that embeds them; every call that may load
 * them runs with this bundle's loader as context loader.
 *
 * <p>The connections fail fast instead of reconnecting on their own: the desktop's sync decides when to try again
 * (and shows the shop that it is offline meanwhile), and a send that hangs while the broker is gone would hold the
 * outbox back without saying so.
 */
public final class ShopBroker {

    /** How long a call to the broker may take before it counts as failed. */
    private static final long CALL_TIMEOUT_MS = 10_000;

    private ShopBroker() {
    }

    /** A connection factory for {@code url} (e.g. {@code tcp://broker.example:61616}); user and password may be null. */
    public static ConnectionFactory connectionFactory(String url, String user, String password) {
        ActiveMQConnectionFactory artemis = withBundleLoader((Supplier<ActiveMQConnectionFactory>) () -> new ActiveMQConnectionFactory(url, user, password));
        artemis.setReconnectAttempts(0);
        artemis.setInitialConnectAttempts(1);
        artemis.setCallTimeout(CALL_TIMEOUT_MS);
        artemis.setCallFailoverTimeout(CALL_TIMEOUT_MS);
        return new BundleLoaderConnectionFactory(artemis);
    }

    /** A call that may throw what JMS calls throw. */
    @FunctionalInterface
    interface JmsCall<T> {
        T call() throws JMSException;
    }

    static <T> T withBundleLoader(JmsCall<T> call) throws JMSException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ShopBroker.class.getClassLoader());
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static <T> T withBundleLoader(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ShopBroker.class.getClassLoader());
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Creates connections with the embedding bundle's loader as context loader. */
    private record BundleLoaderConnectionFactory(ConnectionFactory artemis) implements ConnectionFactory {

        @Override
        public Connection createConnection() throws JMSException {
            return withBundleLoader((JmsCall<Connection>) artemis::createConnection);
        }

        @Override
        public Connection createConnection(String userName, String password) throws JMSException {
            return withBundleLoader((JmsCall<Connection>) () -> artemis.createConnection(userName, password));
        }

        @Override
        public JMSContext createContext() {
            return withBundleLoader((Supplier<JMSContext>) artemis::createContext);
        }

        @Override
        public JMSContext createContext(String userName, String password) {
            return withBundleLoader((Supplier<JMSContext>) () -> artemis.createContext(userName, password));
        }

        @Override
        public JMSContext createContext(String userName, String password, int sessionMode) {
            return withBundleLoader((Supplier<JMSContext>) () -> artemis.createContext(userName, password, sessionMode));
        }

        @Override
        public JMSContext createContext(int sessionMode) {
            return withBundleLoader((Supplier<JMSContext>) () -> artemis.createContext(sessionMode));
        }
    }
}
