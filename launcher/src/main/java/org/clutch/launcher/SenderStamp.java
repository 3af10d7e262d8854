package org.clutch.launcher;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.clutch.jms.BrokerAccountNames;

/**
 * Stamps the account that sent each message on it ({@link BrokerAccountNames#VALIDATED_USER}), replacing whatever the
 * sender put there. The broker's own populate-validated-user does this for core messages only; an AMQP message
 * (a partner's system) would arrive unstamped, and its sender could not be told from its content.
 * broker.xml: {@code <broker-plugins><broker-plugin class-name="org.clutch.launcher.SenderStamp"/></broker-plugins>}.
 */
public final class SenderStamp implements ActiveMQServerMessagePlugin {

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue)
            throws ActiveMQException {
        String sender = session.getValidatedUser();
        if (sender == null) {
            message.removeProperty(BrokerAccountNames.VALIDATED_USER);
        } else {
            message.putStringProperty(BrokerAccountNames.VALIDATED_USER, sender);
        }
    }
}
