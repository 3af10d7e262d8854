package org.clutch.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * Plain JDBC inside the current transaction, on the very connection the persistence unit holds for it (and on which
 * {@link RowScope} stated whom the work is for). Asking the pool for a second handle instead needs a free pooled
 * connection for a moment, which a transaction holding a lock that every pooled connection waits for never gets.
 */
@ApplicationScoped
public class TransactionConnection {

    @PersistenceContext
    EntityManager em;

    /**
     * A handle on the transaction's connection. Closing it, as try-with-resources does, leaves the connection to the
     * transaction, as closing a pooled handle would.
     */
    public Connection current() {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("JDBC work needs a transaction");
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
