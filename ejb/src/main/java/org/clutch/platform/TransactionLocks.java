package org.clutch.platform;

import jakarta.persistence.EntityManager;

/**
 * Serialises work on one business key across concurrent transactions with a transaction-scoped PostgreSQL
 * advisory lock: a second transaction with the same key waits until the first commits, then sees its rows.
 * Each use has its own {@link Space}, so equal keys of different uses never block each other.
 */
public final class TransactionLocks {

    /** The uses of advisory locks; the number seeds the key's hash. */
    public enum Space {
        IDEMPOTENCY_KEY(0),
        ACCOUNT_EMAIL(1);

        private final int seed;

        Space(int seed) {
            this.seed = seed;
        }
    }

    /**
     * How long a transaction waits for a row or advisory lock before it gives up (PostgreSQL's {@code lock_timeout},
     * stated per transaction by {@link RowScope}). Many callers on one aggregate then each answer within a bounded
     * time (the API answers 503 with Retry-After), instead of queueing without end and holding pooled connections.
     */
    public static final String LOCK_TIMEOUT = "5s";

    /** PostgreSQL's SQLSTATE for a lock not obtained within {@link #LOCK_TIMEOUT}. */
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private TransactionLocks() {
    }

    public static void lock(EntityManager em, Space space, String key) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, ?2))) AS locked")
                .setParameter(1, key)
                .setParameter(2, (long) space.seed)
                .getSingleResult();
    }
}
