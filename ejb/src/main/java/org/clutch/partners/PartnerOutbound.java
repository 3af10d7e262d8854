package org.clutch.partners;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.util.List;
import java.util.UUID;

import org.clutch.jms.Destinations;
import org.clutch.jms.PartnerMessages;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.Messaging;

/**
 * Puts messages on a partner's own addresses: answers and events on its outbound address, refused messages on its
 * dead-letter address. The connection comes from the resource adapter and joins the caller's transaction, so a
 * message exists exactly when the change it reports does.
 */
@Stateless
public class PartnerOutbound {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    @JMSConnectionFactory(Messaging.CONNECTION_FACTORY)
    JMSContext jms;

    public void send(UUID partnerTenantId, String type, String correlationId, Object payload) {
        TextMessage message = jms.createTextMessage();
        try {
            PartnerMessages.write(message, UUID.randomUUID().toString(), type, 1, correlationId, JSONB.toJson(payload));
            markJson(message);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot write " + type + " for partner " + partnerTenantId, e);
        }
        jms.createProducer().send(jms.createQueue(Destinations.partnerOutbound(partnerTenantId)), message);
    }

    /** The partner's message as it came (body and envelope), with why it was refused. */
    public void deadLetter(UUID partnerTenantId, String body, String messageId, String type, String correlationId,
            PartnerRefusal refusal) {
        TextMessage message = jms.createTextMessage(body);
        try {
            if (messageId != null) {
                message.setStringProperty(PartnerMessages.MESSAGE_ID, messageId);
            }
            if (type != null) {
                message.setStringProperty(PartnerMessages.TYPE, type);
            }
            if (correlationId != null) {
                message.setJMSCorrelationID(correlationId);
            }
            message.setStringProperty(PartnerMessages.REJECTION_CODE, refusal.code().text());
            message.setStringProperty(PartnerMessages.REJECTION_REASON, refusal.getMessage());
            if (!refusal.fieldErrors().isEmpty()) {
                message.setStringProperty(PartnerMessages.FIELD_ERRORS, JSONB.toJson(fieldErrors(refusal.fieldErrors())));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot write a refusal for partner " + partnerTenantId, e);
        }
        jms.createProducer().send(jms.createQueue(Destinations.partnerDeadLetters(partnerTenantId)), message);
    }

    /**
     * Says the body is JSON to AMQP consumers: the broker turns this property into the AMQP message's content-type
     * (and keeps it out of the application properties); JMS consumers see it as a property.
     */
    private static void markJson(TextMessage message) throws JMSException {
        message.setStringProperty(AMQP_CONTENT_TYPE, "application/json");
    }

    /** The property the broker's core-to-AMQP conversion reads the content-type from. */
    static final String AMQP_CONTENT_TYPE = "JMS_AMQP_ContentType";

    /** As problem+json lists them on REST: field and message. */
    public record FieldError(String field, String message) {
    }

    private static List<FieldError> fieldErrors(List<InvalidInputException.FieldError> errors) {
        return errors.stream().map(e -> new FieldError(e.field(), e.message())).toList();
    }
}
