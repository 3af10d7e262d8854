package org.clutch.partners;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import org.clutch.jms.BrokerAccountNames;
import org.clutch.jms.Destinations;
import org.clutch.jms.PartnerMessages;

/**
 * Consumes what partners' systems send to {@link Destinations#PARTNER_INBOUND}. The broker stamps the account that
 * sent each message, so the partner is known without trusting the message. A message that cannot be taken goes to
 * that partner's dead-letter address with a code and a reason, and the stream goes on; a failure of the platform
 * itself (the database away) rolls the delivery back for the broker to redeliver.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.PARTNER_INBOUND),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        // one at a time: a partner's messages are taken in the order it sent them (a full catalog feed's last batch
        // after the others); docs/benchmarks.md has what a batch costs
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class PartnerInbound implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PartnerInbound.class.getName());

    @Inject
    PartnerDesk desk;

    @Override
    public void onMessage(Message message) {
        Optional<UUID> partner;
        try {
            partner = BrokerAccountNames.partnerOf(message.getStringProperty(BrokerAccountNames.VALIDATED_USER));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the sender of a partner message", e);
        }
        if (partner.isEmpty()) {
            // only partners' accounts (and the platform's own) may send here; nobody to answer, so the broker's
            // dead-letter queue keeps it after its redeliveries
            LOG.warning("event=partner-message-without-partner");
            throw new IllegalStateException("a message on " + Destinations.PARTNER_INBOUND + " not sent by a partner's account");
        }
        String body = bodyOf(message);
        if (body.length() > PartnerMessages.MAX_BODY_CHARS) {
            desk.refuse(partner.get(), "", property(message, PartnerMessages.MESSAGE_ID), property(message, PartnerMessages.TYPE),
                    null, new PartnerRefusal(PartnerRefusal.Code.TOO_LARGE, "the body has " + body.length()
                            + " characters; a message may have at most " + PartnerMessages.MAX_BODY_CHARS));
            return;
        }
        PartnerMessages.Received received;
        try {
            received = PartnerMessages.read(message);
        } catch (PartnerMessages.MalformedPartnerMessage e) {
            desk.refuse(partner.get(), body, property(message, PartnerMessages.MESSAGE_ID),
                    property(message, PartnerMessages.TYPE), null, new PartnerRefusal(PartnerRefusal.Code.MALFORMED_ENVELOPE,
                            e.getMessage()));
            return;
        }
        try {
            desk.take(partner.get(), received);
        } catch (PartnerRefusal refusal) {
            desk.refuse(partner.get(), received.body(), received.messageId(), received.type(), received.correlationId(), refusal);
        }
    }

    private static String bodyOf(Message message) {
        try {
            return message instanceof TextMessage text && text.getText() != null ? text.getText() : "";
        } catch (JMSException e) {
            return "";
        }
    }

    private static String property(Message message, String name) {
        try {
            Object value = message.getObjectProperty(name);
            return value == null ? null : String.valueOf(value);
        } catch (JMSException e) {
            return null;
        }
    }
}
