package org.clutch.launcher;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.activemq.artemis.protocol.amqp.broker.AMQPMessage;
import org.apache.activemq.artemis.protocol.amqp.broker.AmqpInterceptor;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;

/**
 * On the way out to an AMQP client, drops application properties that have no value. The broker's conversion of a
 * core message (everything the backend sends) to AMQP lists {@code JMSXDeliveryCount} among its properties without
 * a value, and strict AMQP clients refuse a message carrying a null property.
 */
public final class NoNullAmqpProperties implements AmqpInterceptor {

    @Override
    public boolean intercept(AMQPMessage message, RemotingConnection connection) {
        ApplicationProperties properties = message.getApplicationProperties();
        Map<String, Object> values = properties == null ? null : properties.getValue();
        if (values == null || !values.containsValue(null)) {
            return true;
        }
        List<String> empty = values.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .filter(Objects::nonNull).toList();
        empty.forEach(message::removeProperty);
        message.reencode();
        return true;
    }
}
