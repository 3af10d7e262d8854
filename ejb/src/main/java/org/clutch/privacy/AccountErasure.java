package org.clutch.privacy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.accounts.Authentication;
import org.clutch.accounts.UserAccount;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEntry;
import org.clutch.audit.AuditTrail;
import org.clutch.marketplace.CustomerRequests;
import org.clutch.orders.Order;
import org.clutch.platform.Actor;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;

import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * A car owner's account erased at their request (the right to erasure), at once and in one transaction: their name,
 * e-mail, password, second factor, vehicles, delivery addresses and notes, notifications, devices and addresses are
 * gone or pseudonymised; open requests are cancelled (the shops are told). Orders stay, as tax law requires, with
 * their amounts, lines and shops but without the person: delivery address and instructions erased, the delivery
 * point rounded to about 10 km. An order still under way must end first (delivered or cancelled). Platform scope:
 * the rows are the person's own and are named here by their customer and account ids only.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class AccountErasure {

    private static final Logger LOG = Logger.getLogger(AccountErasure.class.getName());
    private static final String ERASED = "(erased)";

    @PersistenceContext
    EntityManager em;

    @Inject
    Authentication authentication;

    @Inject
    CustomerRequests requests;

    @Inject
    AuditTrail audit;

    public void erase(Actor actor, String password, String address) {
        UUID customer = actor.require(Role.CUSTOMER).customer();
        if (!authentication.confirmPassword(actor, password, address)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("password",
                    "is not this account's password")));
        }
        List<?> underWay = em.createNativeQuery("SELECT number FROM customer_order WHERE customer_id = ? AND status IN "
                + "('AWAITING_PAYMENT', 'PAID', 'PROCESSING', 'READY', 'SHIPPED') ORDER BY number").setParameter(1, customer).getResultList();
        if (!underWay.isEmpty()) {
            throw new StateConflictException("order(s) " + String.join(", ", underWay.stream()
                    .map(n -> Order.reference(((Number) n).longValue())).toList()) + " still under way; once delivered or "
                    + "cancelled, the account can be erased");
        }
        List<?> open = em.createNativeQuery("SELECT id FROM parts_request WHERE customer_id = ? AND status IN ('SUBMITTED', 'QUOTED')")
                .setParameter(1, customer).getResultList();
        open.forEach(id -> requests.cancel(actor, (UUID) id));
        authentication.logoutAll(actor, address);

        update("UPDATE parts_request SET vin = NULL, vin_manufacturer = NULL, delivery_address = ?, delivery_instructions = NULL, "
                + "delivery_latitude = round(delivery_latitude::numeric, 1), delivery_longitude = round(delivery_longitude::numeric, 1), "
                + "idempotency_key = NULL, idempotency_fingerprint = NULL WHERE customer_id = ?", ERASED, customer);
        update("UPDATE parts_request_line SET notes = NULL WHERE request_id IN (SELECT id FROM parts_request WHERE customer_id = ?)", customer);
        update("UPDATE customer_order SET delivery_address = ?, delivery_instructions = NULL, cancel_reason = CASE WHEN "
                + "cancelled_by_role = 'CUSTOMER' THEN ? ELSE cancel_reason END WHERE customer_id = ?", ERASED, ERASED, customer);
        update("UPDATE order_event SET detail = ? WHERE customer_id = ? AND actor_role = 'CUSTOMER'", ERASED, customer);
        update("DELETE FROM customer_vehicle WHERE customer_id = ?", customer);
        update("DELETE FROM notification WHERE recipient_kind = 'CUSTOMER' AND recipient_id = ?", customer);
        update("UPDATE customer SET display_name = 'Erased customer' WHERE id = ?", customer);
        update("UPDATE auth_session SET device = ?, address = NULL WHERE user_id = ?", ERASED, actor.userId());
        update("UPDATE audit_event SET address = NULL WHERE actor_user_id = ?", actor.userId());
        em.find(UserAccount.class, actor.userId()).erase();
        audit.record(AuditEntry.of(AuditAction.ACCOUNT_ERASED, null, actor.userId()).target("customer", customer)
                .detail(open.size() + " open request(s) cancelled"));
        LOG.info(() -> "event=account-erased user=" + actor.userId() + " customer=" + customer);
    }

    private void update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
