package org.clutch.partners;

import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a partner's event messages back while the answer to its own message is not yet written, so that in the
 * partner's stream the answer comes first: {@code quote.accepted}, then the {@code quote.changed} and
 * {@code order.changed} that accepting caused. Held per transaction; everything held is sent in the same transaction.
 */
final class HeldPartnerEvents {

    private static final Object KEY = HeldPartnerEvents.class;

    private HeldPartnerEvents() {
    }

    /** From now until {@link #release}, events of this transaction wait. */
    static void hold(TransactionSynchronizationRegistry transaction) {
        transaction.putResource(KEY, new ArrayList<Runnable>());
    }

    /** Sends {@code event} now, or after the answer when this transaction holds events back. */
    static void sendOrHold(TransactionSynchronizationRegistry transaction, Runnable event) {
        @SuppressWarnings("unchecked")
        List<Runnable> held = (List<Runnable>) transaction.getResource(KEY);
        if (held == null) {
            event.run();
        } else {
            held.add(event);
        }
    }

    /** The answer is written: the held events follow it, in the order they happened. */
    static void release(TransactionSynchronizationRegistry transaction) {
        @SuppressWarnings("unchecked")
        List<Runnable> held = (List<Runnable>) transaction.getResource(KEY);
        transaction.putResource(KEY, null);
        if (held != null) {
            held.forEach(Runnable::run);
        }
    }
}
