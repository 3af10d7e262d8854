package org.clutch.jms;

/** Names of the Artemis addresses the platform uses; one place so that backend, broker and desktop agree. */
public final class Destinations {

    /** A submitted parts request waiting to be matched with nearby shops. */
    public static final String QUOTE_REQUESTS = "clutch.marketplace.quote-requests";

    /**
     * Where every shop desktop sends its changes (one message per outbox event, {@link SyncEvent}); the backend
     * applies them in order, exactly once.
     */
    public static final String SYNC_INBOUND = "clutch.sync.inbound";

    /** Sync events the backend could not apply (malformed, unknown type or version, unknown shop), each with its reason. */
    public static final String SYNC_REJECTED = "clutch.sync.rejected";

    /** The prefix of every shop's own inbox queue; see {@link #shopInbox}. */
    public static final String SHOP_INBOX_PREFIX = "clutch.shop.";

    /**
     * A shop's own durable inbox: what the backend has for that shop desktop (requests to quote, ...), one
     * {@link SyncEvent} per message, kept while the desktop is offline.
     */
    public static String shopInbox(java.util.UUID shopId) {
        return SHOP_INBOX_PREFIX + shopId + ".inbox";
    }

    /** The broker's address match of every shop inbox (for their address settings). */
    public static final String SHOP_INBOXES_MATCH = SHOP_INBOX_PREFIX + "#";

    /** Where poison messages end after the broker's bounded redeliveries. */
    public static final String DEAD_LETTERS = "clutch.DLQ";

    /**
     * Where every partner system sends (fleet operators' parts requests and acceptances, suppliers' feeds): partners
     * may only send here; the broker stamps the sending account on each message, so one address serves them all.
     */
    public static final String PARTNER_INBOUND = "clutch.partner.inbound";

    public static final String PARTNER_PREFIX = "clutch.partner.";

    /** What the platform tells one partner (quotes, orders, answers to its messages); only that partner reads it. */
    public static String partnerOutbound(java.util.UUID partnerTenantId) {
        return PARTNER_PREFIX + partnerTenantId + ".out";
    }

    /** A partner's messages the platform could not take, each with its reason; only that partner reads it. */
    public static String partnerDeadLetters(java.util.UUID partnerTenantId) {
        return PARTNER_PREFIX + partnerTenantId + ".dlq";
    }

    /**
     * Where messages that outlived their time to live end; not those of a shop's inbox, which are simply dropped (a
     * request to quote that expired while the desktop was away is of no use to anyone).
     */
    public static final String EXPIRED = "clutch.ExpiryQueue";

    /** Redeliveries before a message is moved to {@link #DEAD_LETTERS}. */
    public static final int MAX_DELIVERY_ATTEMPTS = 3;

    private Destinations() {
    }
}
