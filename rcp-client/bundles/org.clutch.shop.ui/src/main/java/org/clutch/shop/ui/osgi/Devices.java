package org.clutch.shop.ui.osgi;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.clutch.shop.devices.BarcodeScanner;
import org.clutch.shop.devices.Device;
import org.clutch.shop.devices.LabelPrinter;
import org.clutch.shop.devices.ReceiptPrinter;
import org.clutch.shop.devices.VehicleDiagnostics;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The devices the desktop has right now: drivers come and go as their bundles start and stop and as their
 * settings are saved, so screens ask here each time and never hold on to one. Without OSGi (screen tests) or
 * without drivers, there are none and the screens work on their own (receipts on screen only).
 */
public class Devices {

    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    /** No devices at all. */
    public static Devices none() {
        return new Devices();
    }

    /** The devices registered in the OSGi service registry, followed as they come and go. */
    public static Devices tracked() {
        BundleContext context = bundleContext();
        return context == null ? none() : new Tracked(context);
    }

    /** The desktop bundle's OSGi context; null when the screens run without OSGi (screen tests). */
    static BundleContext bundleContext() {
        Bundle bundle = FrameworkUtil.getBundle(Devices.class);
        return bundle == null ? null : bundle.getBundleContext();
    }

    public List<Device> all() {
        return List.of();
    }

    public Optional<ReceiptPrinter> receiptPrinter() {
        return all().stream().filter(ReceiptPrinter.class::isInstance).map(ReceiptPrinter.class::cast).findFirst();
    }

    public List<BarcodeScanner> scanners() {
        return all().stream().filter(BarcodeScanner.class::isInstance).map(BarcodeScanner.class::cast).toList();
    }

    public Optional<LabelPrinter> labelPrinter() {
        return all().stream().filter(LabelPrinter.class::isInstance).map(LabelPrinter.class::cast).findFirst();
    }

    public Optional<VehicleDiagnostics> diagnostics() {
        return all().stream().filter(VehicleDiagnostics.class::isInstance).map(VehicleDiagnostics.class::cast).findFirst();
    }

    /** The device its driver runs with the settings under this PID, while it runs. */
    public Optional<Device> configuredBy(String pid) {
        return Optional.empty();
    }

    /** Told, on whatever thread the framework uses, when a device appears or goes away. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    public void removeOnChange(Runnable listener) {
        changeListeners.remove(listener);
    }

    /** Tells every listener; one that fails must not stop the others, nor the framework tracking the device. */
    protected void changed() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }
    }

    private static final class Tracked extends Devices {
        private final ServiceTracker<Device, Device> tracker;

        Tracked(BundleContext context) {
            tracker = new ServiceTracker<>(context, Device.class, new ServiceTrackerCustomizer<Device, Device>() {
                @Override
                public Device addingService(ServiceReference<Device> reference) {
                    Device device = context.getService(reference);
                    if (device instanceof BarcodeScanner scanner) {
                        scanner.connect(); // a scanner reads from the moment it is there; printers connect per job
                    }
                    changed();
                    return device;
                }

                @Override
                public void modifiedService(ServiceReference<Device> reference, Device device) {
                    changed();
                }

                @Override
                public void removedService(ServiceReference<Device> reference, Device device) {
                    context.ungetService(reference);
                    changed();
                }
            });
            tracker.open();
        }

        @Override
        public List<Device> all() {
            return List.copyOf(tracker.getTracked().values());
        }

        @Override
        public Optional<Device> configuredBy(String pid) {
            return tracker.getTracked().entrySet().stream()
                    .filter(e -> pid.equals(e.getKey().getProperty("service.pid"))
                            || pid.equals(e.getKey().getProperty("component.name")))
                    .map(java.util.Map.Entry::getValue).findFirst();
        }
    }
}
