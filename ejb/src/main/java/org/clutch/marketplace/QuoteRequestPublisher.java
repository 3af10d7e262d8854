package org.clutch.marketplace;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.clutch.jms.Destinations;
import org.clutch.jms.QuoteRequested;
import org.clutch.platform.Messaging;

import java.util.UUID;

/**
 * Puts "this request needs shops" on the quote-request queue, on the caller's transaction ({@link Messaging}), so
 * the message is sent if and only if the request is stored.
 */
@Stateless
public class QuoteRequestPublisher {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    @JMSConnectionFactory(Messaging.CONNECTION_FACTORY)
    JMSContext jms;

    public void publish(UUID requestId) {
        jms.createProducer().send(jms.createQueue(Destinations.QUOTE_REQUESTS), JSONB.toJson(QuoteRequested.of(requestId)));
    }

    static QuoteRequested parse(String json) {
        return JSONB.fromJson(json, QuoteRequested.class);
    }
}
