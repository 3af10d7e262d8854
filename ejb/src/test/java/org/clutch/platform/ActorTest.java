package org.clutch.platform;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID SHOP = UUID.randomUUID();

    @Test
    void aManagerDoesWhatStaffDoButNotWhatAdminsDo() {
        Actor manager = new Actor(UUID.randomUUID(), Role.SHOP_MANAGER, TENANT, SHOP, null, UUID.randomUUID());
        assertTrue(manager.has(Role.SHOP_STAFF));
        assertEquals(SHOP, manager.shop());
        assertEquals(TENANT, manager.tenant());
        assertThrows(PermissionDeniedException.class, () -> manager.require(Role.TENANT_ADMIN));
        assertThrows(PermissionDeniedException.class, manager::customer);
    }

    @Test
    void aCustomerHasNoShopAndNoTenant() {
        UUID customerId = UUID.randomUUID();
        Actor customer = new Actor(UUID.randomUUID(), Role.CUSTOMER, null, null, customerId, UUID.randomUUID());
        assertEquals(customerId, customer.customer());
        assertThrows(PermissionDeniedException.class, customer::shop);
        assertThrows(PermissionDeniedException.class, customer::tenant);
    }

    @Test
    void aPlatformAdminBelongsToNoTenant() {
        Actor admin = new Actor(UUID.randomUUID(), Role.PLATFORM_ADMIN, null, null, null, UUID.randomUUID());
        assertTrue(admin.isPlatformAdmin());
        assertThrows(PermissionDeniedException.class, admin::tenant);
        assertThrows(PermissionDeniedException.class, admin::shop);
    }
}
