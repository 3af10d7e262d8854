package org.clutch.privacy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.accounts.Authentication;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEntry;
import org.clutch.audit.AuditTrail;
import org.clutch.marketplace.CustomerRequests;
import org.clutch.marketplace.PartsRequestView;
import org.clutch.marketplace.RequestSummary;
import org.clutch.notifications.NotificationService;
import org.clutch.notifications.NotificationView;
import org.clutch.notifications.Recipient;
import org.clutch.orders.OrderSummary;
import org.clutch.orders.OrderView;
import org.clutch.orders.Orders;
import org.clutch.platform.Actor;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.NativeValues;
import org.clutch.platform.Page;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A car owner's download of their personal data (the right of access and to portability). Each part is read through
 * the service that owns it, as the person reads it in the app; only their own audit entries are read here, in the
 * platform scope, since the audit log belongs to no customer. The download is itself audited.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class PersonalDataExport {

    @PersistenceContext
    EntityManager em;

    @Inject
    Authentication authentication;

    @Inject
    CustomerRequests requests;

    @Inject
    Orders orders;

    @Inject
    NotificationService notifications;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public PersonalData export(Actor actor, String address) {
        actor.require(Role.CUSTOMER);
        List<PartsRequestView> partsRequests = all(page -> requests.list(actor, page, Page.MAX_SIZE)).stream()
                .map(RequestSummary::id).map(id -> requests.get(actor, id)).toList();
        List<OrderView> customerOrders = all(page -> orders.list(actor, null, null, page, Page.MAX_SIZE)).stream()
                .map(OrderSummary::id).map(id -> orders.get(actor, id)).toList();
        List<NotificationView> inbox = all(page -> notifications.list(Recipient.of(actor), false, page, Page.MAX_SIZE));
        List<?> rows = em.createNativeQuery("SELECT occurred_at, action, address, detail FROM audit_event WHERE actor_user_id = ? "
                + "ORDER BY occurred_at").setParameter(1, actor.userId()).getResultList();
        List<PersonalData.SecurityEvent> events = rows.stream().map(Object[].class::cast)
                .map(r -> new PersonalData.SecurityEvent(NativeValues.time(r[0]), (String) r[1], (String) r[2], (String) r[3])).toList();
        PersonalData data = new PersonalData(OffsetDateTime.now(clock), authentication.account(actor), authentication.sessions(actor),
                partsRequests, customerOrders, inbox, events);
        audit.record(AuditEntry.of(AuditAction.PERSONAL_DATA_EXPORTED, null, actor.userId()).from(address)
                .detail(partsRequests.size() + " requests, " + customerOrders.size() + " orders, " + inbox.size() + " notifications"));
        return data;
    }

    /** Every item of a paged list, page by page. */
    private static <T> List<T> all(IntFunction<Page<T>> pages) {
        List<T> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<T> next = pages.apply(page);
            items.addAll(next.items());
            if (next.items().size() < next.size() || items.size() >= next.total()) {
                return items;
            }
        }
    }
}
