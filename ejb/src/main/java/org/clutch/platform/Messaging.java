package org.clutch.platform;

import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;

/**
 * The application's JMS connection factory: from the Artemis resource adapter, joining the caller's transaction, so
 * what a capability sends goes if and only if its transaction commits. Every capability sends through it.
 */
@JMSConnectionFactoryDefinition(
        name = Messaging.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "artemis-ra",
        // the backend's own broker account (JMS_USER / JMS_PASSWORD); the adapter's settings serve the MDBs only
        user = "${MPCONFIG=jms.user}",
        password = "${MPCONFIG=jms.password}")
@Singleton
public class Messaging {

    public static final String CONNECTION_FACTORY = "java:app/jms/clutch";
}
