package org.clutch.shop.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The shop's settings table, name to value, read and written in one place. */
public final class ShopSettingsTable {

    private ShopSettingsTable() {
    }

    /** The settings among {@code names} that are set. */
    public static Map<String, String> read(Connection c, Collection<String> names) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT setting_name, setting_value FROM shop_setting WHERE ARRAY_CONTAINS(?, setting_name)")) {
            select.setArray(1, c.createArrayOf("VARCHAR", names.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return values;
    }

    /** Sets each of {@code values} in one transaction; a null value removes that setting. */
    public static void write(ShopDatabase database, Map<String, String> values) {
        database.inTransaction(c -> {
            try (PreparedStatement merge = c.prepareStatement(
                    "MERGE INTO shop_setting (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)");
                    PreparedStatement delete = c.prepareStatement("DELETE FROM shop_setting WHERE setting_name = ?")) {
                for (Map.Entry<String, String> value : values.entrySet()) {
                    if (value.getValue() == null) {
                        delete.setString(1, value.getKey());
                        delete.addBatch();
                    } else {
                        merge.setString(1, value.getKey());
                        merge.setString(2, value.getValue());
                        merge.addBatch();
                    }
                }
                delete.executeBatch();
                merge.executeBatch();
            }
            return null;
        });
    }
}
