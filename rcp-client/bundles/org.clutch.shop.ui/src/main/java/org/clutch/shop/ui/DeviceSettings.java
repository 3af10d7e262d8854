package org.clutch.shop.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.clutch.shop.devices.BarcodeScanner;
import org.clutch.shop.devices.LabelPrinter;
import org.clutch.shop.devices.ReceiptPrinter;
import org.clutch.shop.devices.VehicleDiagnostics;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Device settings live in Configuration Admin, one configuration per driver (its PID); Declarative Services
 * starts a driver once its configuration exists and restarts it when the configuration changes.
 */
final class DeviceSettings {

    private DeviceSettings() {
    }

    /** The demo shop gets simulated devices of every family, unless devices were already set up. */
    static void useSimulatorsWhereUnset() {
        setIfUnset(BarcodeScanner.CONFIGURATION_PID, Map.of("connection", "simulator"));
        setIfUnset(LabelPrinter.CONFIGURATION_PID, Map.of("connection", "simulator", "widthDots", "406", "heightDots", "203"));
        setIfUnset(ReceiptPrinter.CONFIGURATION_PID, Map.of("connection", "simulator", "columns", "42", "codePage", "CP858_Euro"));
        setIfUnset(VehicleDiagnostics.CONFIGURATION_PID, Map.of("connection", "simulator", "scenario", "codes-present"));
    }

    private static void setIfUnset(String pid, Map<String, String> settings) {
        BundleContext context = Devices.bundleContext();
        ServiceReference<ConfigurationAdmin> reference = context == null ? null
                : context.getServiceReference(ConfigurationAdmin.class);
        if (reference == null) {
            return; // no Configuration Admin: the desktop runs without devices
        }
        ConfigurationAdmin admin = context.getService(reference);
        try {
            // "?" lets the driver's bundle, not this one, use the configuration
            Configuration configuration = admin.getConfiguration(pid, "?");
            if (configuration.getProperties() == null) {
                Dictionary<String, Object> properties = new Hashtable<>(settings);
                configuration.update(properties);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Device settings could not be saved: " + e.getMessage(), e);
        } finally {
            context.ungetService(reference);
        }
    }
}
