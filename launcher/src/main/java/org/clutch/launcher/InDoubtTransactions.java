package org.clutch.launcher;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The broker's part of transactions that a backend on this host left prepared when it died, and presumed abort for
 * them.
 *
 * <p>Payara recovers its transactions at start, before it has deployed the resource adapter, so it cannot ask the
 * broker which of them it still holds; the recovery it runs again once the adapter is there (the post-boot file)
 * finishes only those its log says were committing. A transaction the log does not know was never decided, and its
 * broker part must be rolled back: the messages a sync batch had received are then delivered again, and the
 * backend's processed-event records keep anything it had already applied from being applied twice. Left prepared,
 * those messages are held by the broker for ever.
 *
 * <p>Only transactions prepared before the backend was started are candidates ({@link #heldBefore}), and only those
 * still prepared once it has recovered ({@link #rollBackStillPrepared}): the backend starting now makes its own
 * transactions meanwhile and must keep them.
 */
final class InDoubtTransactions implements AutoCloseable {

    /** The format id of the transaction ids Payara's transaction service (JTS) gives its branches. */
    static final int PAYARA_FORMAT = 4871251;

    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private final ClientSession session;

    private InDoubtTransactions(String brokerUrl, String user, String password) throws Exception {
        locator = ActiveMQClient.createServerLocator(brokerUrl);
        try {
            factory = locator.createSessionFactory();
            session = factory.createSession(user, password, true, false, false, false, 0);
        } catch (Exception e) {
            locator.close();
            throw e;
        }
    }

    static InDoubtTransactions connect(String brokerUrl, String user, String password) throws Exception {
        return new InDoubtTransactions(brokerUrl, user, password);
    }

    /** What the broker holds prepared for a Payara on {@code host} (its branch qualifier starts with the host's name). */
    Set<Xid> heldFor(String host) throws XAException {
        Xid[] prepared = session.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        return Stream.of(prepared == null ? new Xid[0] : prepared)
                .filter(xid -> xid.getFormatId() == PAYARA_FORMAT)
                .filter(xid -> new String(xid.getBranchQualifier(), StandardCharsets.ISO_8859_1).startsWith(host + ","))
                .collect(Collectors.toSet());
    }

    /** Rolls back those of {@code earlier} that the broker still holds prepared; returns how many. */
    int rollBackStillPrepared(Set<Xid> earlier, String host) throws XAException {
        List<Xid> undecided = heldFor(host).stream().filter(earlier::contains).toList();
        for (Xid xid : undecided) {
            session.rollback(xid);
        }
        return undecided.size();
    }

    /** The transactions held for this host before its backend starts; none (with why) when the broker cannot say. */
    static Set<Xid> heldBefore(String brokerUrl, String user, String password, String host) {
        try (InDoubtTransactions broker = connect(brokerUrl, user, password)) {
            return broker.heldFor(host);
        } catch (Exception e) {
            System.err.println("Could not ask the broker for transactions left in doubt (" + e + "); none will be rolled back");
            return Set.of();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            session.close();
        } finally {
            factory.close();
            locator.close();
        }
    }
}
