package org.clutch.sync;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import org.clutch.platform.Actor;
import org.clutch.platform.DatabaseMigrations;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Head office's view of its shops' customers, as the desktops sync them ({@code customers.customer-saved} into
 * {@code shop_customer}, field by field as the catalog): for a business with several shops, one place to see who buys
 * where, with their vehicles and credit limits.
 */
@Interceptors(RowScope.class)
@Stateless
public class HeadOfficeCustomers {

    @Resource(lookup = DatabaseMigrations.DATA_SOURCE)
    DataSource dataSource;

    /** The shop's customers by name; row-level security hides another tenant's shop as if it did not exist. */
    public List<MirroredCustomer> of(Actor actor, UUID shopId) throws SQLException {
        actor.require(Role.TENANT_ADMIN);
        try (Connection c = dataSource.getConnection()) {
            SyncStatus.requireShop(c, shopId);
            try (PreparedStatement select = c.prepareStatement("SELECT customer_id, name, phone, email, credit_limit_minor, "
                    + "vehicles, changed_at, " + MirroredColumns.CUSTOMERS.stampColumns()
                    + " FROM shop_customer WHERE shop_id = ? ORDER BY name, customer_id")) {
                select.setObject(1, shopId);
                List<MirroredCustomer> customers = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        try (JsonReader vehicles = Json.createReader(new StringReader(rows.getString(6)))) {
                            customers.add(new MirroredCustomer(shopId, rows.getObject(1, UUID.class), rows.getString(2),
                                    rows.getString(3), rows.getString(4), rows.getLong(5), vehicles.readArray(),
                                    rows.getObject(7, OffsetDateTime.class), MirroredColumns.CUSTOMERS.stamps(rows, 8)));
                        }
                    }
                }
                return customers;
            }
        }
    }
}
