package org.clutch.privacy;

import org.clutch.accounts.AccountView;
import org.clutch.accounts.SessionView;
import org.clutch.marketplace.PartsRequestView;
import org.clutch.notifications.NotificationView;
import org.clutch.orders.OrderView;

import java.time.OffsetDateTime;
import java.util.List;

/** Everything the platform holds about a car owner, as they download it: their account and all that refers to them. */
public record PersonalData(OffsetDateTime exportedAt, AccountView account, List<SessionView> sessions,
        List<PartsRequestView> partsRequests, List<OrderView> orders, List<NotificationView> notifications,
        List<SecurityEvent> securityEvents) {

    /** An entry of the audit log about the person: a login, a failed one, a logout, from where. */
    public record SecurityEvent(OffsetDateTime at, String action, String address, String detail) {
    }
}
