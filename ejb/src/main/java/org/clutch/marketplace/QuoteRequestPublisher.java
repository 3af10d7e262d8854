package org.clutch.marketplace;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSContext;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.clutch.jms.Destinations;
import org.clutch.jms.QuoteRequested;

import java.util.UUID;

/**
 * Puts "this request needs shops" on the quote-request queue. The connection comes from the Artemis resource
 * adapter and joins the caller's transaction, so the message is sent if and only if the request is stored.
 */
@JMSConnectionFactoryDefinition(
        name = QuoteRequestPublisher.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "artemis-ra",
        // the backend's own broker account (JMS_USER / JMS_PASSWORD); the adapter's settings serve the MDBs only
        user = "${MPCONFIG=jms.user}",
        password = "${MPCONFIG=jms.password}")
@Stateless
public class QuoteRequestPublisher {

    public static final String CONNECTION_FACTORY = "java:app/jms/clutch";

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    @JMSConnectionFactory(CONNECTION_FACTORY)
    JMSContext jms;

    public void publish(UUID requestId) {
        jms.createProducer().send(jms.createQueue(Destinations.QUOTE_REQUESTS), JSONB.toJson(QuoteRequested.of(requestId)));
    }

    static QuoteRequested parse(String json) {
        return JSONB.fromJson(json, QuoteRequested.class);
    }
}
