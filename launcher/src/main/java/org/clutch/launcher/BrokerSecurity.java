package org.clutch.launcher;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.clutch.jms.BrokerAccountNames;
import org.clutch.jms.Destinations;

import javax.security.auth.Subject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who may use the broker, and for what. The backend's own account (given at start) may do anything. A shop desktop
 * connects with the account its admins issued ({@code broker_account} in PostgreSQL, read at every login, so a
 * reissued or revoked account stops working at once) and may only send to the sync inbound queue and read its own
 * inbox: not another shop's inbox, not the marketplace's queues. A partner's system likewise may only send to the
 * partners' inbound address and read its own outbound and dead-letter addresses.
 *
 * <p>The broker asks at every session a client opens (a desktop opens several when it connects), so the accounts are
 * read over a few connections kept open to PostgreSQL: opening one for each login (a server process started, a
 * password exchange) would make every sync run of a desktop wait for it.
 */
public final class BrokerSecurity implements ActiveMQSecurityManager5, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrokerSecurity.class.getName());
    private static final Set<CheckType> READING_OWN = Set.of(CheckType.CONSUME, CheckType.BROWSE, CheckType.CREATE_ADDRESS,
            CheckType.CREATE_DURABLE_QUEUE);

    private String serviceUser;
    private String servicePassword;
    private HikariDataSource accounts;

    public BrokerSecurity(String serviceUser, String servicePassword, String jdbcUrl, String dbUser, String dbPassword) {
        this.serviceUser = serviceUser;
        this.servicePassword = servicePassword;
        this.accounts = accounts(jdbcUrl, dbUser, dbPassword);
    }

    /**
     * For a standalone Artemis: broker.xml {@code <security-manager class-name="org.clutch.launcher.BrokerSecurity">}
     * with the properties of {@link #init}, this jar, the PostgreSQL driver and HikariCP in its lib directory.
     */
    public BrokerSecurity() {
    }

    /** Properties serviceUser, servicePassword, jdbcUrl, dbUser, dbPassword (broker.xml). */
    @Override
    public BrokerSecurity init(Map<String, String> properties) {
        serviceUser = required(properties, "serviceUser");
        servicePassword = required(properties, "servicePassword");
        accounts = accounts(required(properties, "jdbcUrl"), required(properties, "dbUser"), required(properties, "dbPassword"));
        return this;
    }

    /**
     * The connections the accounts are read over. The broker starts whether PostgreSQL answers or not (a login then
     * waits at most two seconds and is refused); one connection is kept open, up to four while logins come at once
     * (shops coming back after a restart).
     */
    private static HikariDataSource accounts(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("clutch-broker-logins");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMinimumIdle(1);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        // the accounts of every tenant: this is the platform checking a login
        config.setConnectionInitSql("SELECT set_config('clutch.scope', 'platform', false)");
        return new HikariDataSource(config);
    }

    private static String required(Map<String, String> properties, String name) {
        String value = properties.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the broker's security manager needs the property " + name);
        }
        return value;
    }

    public String serviceUser() {
        return serviceUser;
    }

    public String servicePassword() {
        return servicePassword;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        boolean valid = user != null && password != null
                && (isService(user, password) || isIssuedAccount(user) && issuedSecretMatches(user, password));
        if (!valid) {
            LOG.info(() -> "event=broker-login-refused user=" + user + " from=" + (connection == null ? "?" : connection.getRemoteAddress()));
            return null;
        }
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        return subject;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        String user = getUserFromSubject(subject);
        if (serviceUser.equals(user)) {
            return true;
        }
        if (address == null) {
            return false;
        }
        int queueSeparator = address.indexOf("::");
        String plain = queueSeparator < 0 ? address : address.substring(0, queueSeparator);
        Optional<UUID> shop = BrokerAccountNames.shopOf(user);
        if (shop.isPresent()) {
            return checkType == CheckType.SEND ? plain.equals(Destinations.SYNC_INBOUND)
                    : READING_OWN.contains(checkType) && plain.equals(Destinations.shopInbox(shop.get()));
        }
        Optional<UUID> partner = BrokerAccountNames.partnerOf(user);
        if (partner.isPresent()) {
            return checkType == CheckType.SEND ? plain.equals(Destinations.PARTNER_INBOUND)
                    : READING_OWN.contains(checkType) && (plain.equals(Destinations.partnerOutbound(partner.get()))
                            || plain.equals(Destinations.partnerDeadLetters(partner.get())));
        }
        return false;
    }

    private static boolean isIssuedAccount(String user) {
        return BrokerAccountNames.shopOf(user).isPresent() || BrokerAccountNames.partnerOf(user).isPresent();
    }

    @Override
    public boolean validateUser(String user, String password) {
        return authenticate(user, password, null, null) != null;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false; // the broker asks authenticate/authorize of a security manager of this kind
    }

    private boolean isService(String user, String password) {
        return serviceUser.equals(user) && MessageDigest.isEqual(servicePassword.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
    }

    private boolean issuedSecretMatches(String user, String password) {
        try (Connection c = accounts.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT secret_sha256 FROM broker_account WHERE username = ? AND revoked_at IS NULL")) {
            select.setString(1, user);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && MessageDigest.isEqual(row.getString(1).getBytes(StandardCharsets.US_ASCII),
                        BrokerAccountNames.secretHash(password).getBytes(StandardCharsets.US_ASCII));
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "event=broker-login-check-failed user=" + user, e);
            return false;
        }
    }

    /** Closes the connections to PostgreSQL (the broker has stopped). */
    @Override
    public void close() {
        if (accounts != null) {
            accounts.close();
        }
    }
}
