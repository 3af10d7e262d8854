package org.clutch.marketplace;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.clutch.jms.Destinations;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.RowScope;

/**
 * Consumes the quote-request queue through the Artemis resource adapter. Any failure rolls the delivery back;
 * the broker redelivers a bounded number of times and then moves the message to the dead-letter queue, so one
 * poison message never blocks the queue.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.QUOTE_REQUESTS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class QuoteRequestListener implements MessageListener {

    @Inject
    ShopDispatcher dispatcher;

    @Override
    public void onMessage(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new IllegalArgumentException("quote request must be a JSON text message, got " + message.getClass().getSimpleName());
        }
        try {
            dispatcher.dispatch(QuoteRequestPublisher.parse(text.getText()).requestId());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read quote request message", e);
        }
    }
}
