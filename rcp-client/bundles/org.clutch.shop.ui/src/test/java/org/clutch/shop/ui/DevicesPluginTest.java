package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.clutch.shop.devices.Label;
import org.clutch.shop.devices.LabelPrinter;
import org.clutch.shop.devices.ReceiptPrinter;
import org.clutch.shop.devices.link.RawPrintServer;
import org.clutch.shop.ui.osgi.DeviceSettings;
import org.clutch.shop.ui.osgi.DeviceSettings.Driver;
import org.clutch.shop.ui.osgi.Devices;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * The desktop in a running OSGi framework with the real drivers, Declarative Services, Configuration Admin and
 * Metatype: drivers come and go with their bundles, device settings are checked against each driver's own
 * description before they are saved, and the Devices screen sets a network label printer up and tests it.
 */
class DevicesPluginTest {

    private static Devices devices;
    private static DeviceSettings settings;

    @BeforeAll
    static void startDesktopBundle() throws BundleException {
        Bundle desktop = FrameworkUtil.getBundle(Devices.class);
        assertNotNull(desktop, "not running in an OSGi framework");
        desktop.start(); // Devices and settings use the desktop bundle's context
        devices = Devices.tracked();
        settings = DeviceSettings.ofFramework().orElseThrow();
    }

    @AfterAll
    static void leaveSimulators() {
        DeviceSettings.useSimulatorsWhereUnset();
    }

    @Test
    void everyDriverDescribesItsSettingsForTheForm() {
        List<Driver> drivers = settings.drivers();
        assertEquals(List.of("Receipt printer and cash drawer", "Label printer", "Barcode scanner", "OBD2 reader"),
                drivers.stream().map(Driver::name).toList());
        Driver label = driver(LabelPrinter.CONFIGURATION_PID);
        assertEquals(List.of("tcp", "serial", "file", "queue", "simulator"),
                label.setting("connection").orElseThrow().choices().stream().map(DeviceSettings.Choice::value).toList(),
                "a printer may also be one installed on the computer");
        assertTrue(label.setting("printerName").isPresent());
        assertEquals("9100", label.setting("port").orElseThrow().defaultValue());
        assertTrue(label.setting("widthDots").orElseThrow().wholeNumber());
        assertTrue(driver(ReceiptPrinter.CONFIGURATION_PID).setting("codePage").orElseThrow().choices().size() > 30);
        assertEquals(List.of(), settings.missingFamilies(settings.drivers()));
    }

    @Test
    void desktopPicksUpADriverWhenItsBundleStartsAndDropsItWhenItStops() throws BundleException {
        settings.save(driver(LabelPrinter.CONFIGURATION_PID), Map.of("connection", "simulator"));
        settings.save(driver(ReceiptPrinter.CONFIGURATION_PID), Map.of("connection", "simulator"));
        await(() -> devices.labelPrinter().isPresent() && devices.receiptPrinter().isPresent());
        AtomicInteger changes = new AtomicInteger();
        devices.onChange(changes::incrementAndGet);
        Bundle zpl = bundle("org.clutch.shop.devices.zpl");

        zpl.stop();
        await(() -> devices.labelPrinter().isEmpty());
        assertTrue(changes.get() > 0, "the screens were told the label printer went away");
        assertTrue(devices.receiptPrinter().isPresent(), "the other drivers keep running");
        assertEquals(List.of("Label printer"), settings.missingFamilies(settings.drivers()));

        zpl.start();
        await(() -> devices.labelPrinter().isPresent());
        LabelPrinter printer = devices.labelPrinter().orElseThrow();
        printer.print(new Label("BP-1", "Brake pad set front", "KES 4,500.00", "4006633123457"), 2);
        assertEquals(List.of(), settings.missingFamilies(settings.drivers()));
    }

    @Test
    void badSettingsAreRefusedNamingTheSettingAndChangeNothing() {
        Driver label = driver(LabelPrinter.CONFIGURATION_PID);
        settings.save(label, Map.of("connection", "simulator", "widthDots", "406"));
        Map<String, String> before = settings.saved(label.pid());

        assertProblem(label, Map.of("connection", "tcp", "port", "abc"), "port", "Port must be a whole number, not \"abc\".");
        assertProblem(label, Map.of("connection", "tcp", "port", "70000"), "port", null);
        assertProblem(label, Map.of("connection", "serial"), "serialPort", "A serial connection needs the serial port, such as COM3 on Windows or /dev/ttyUSB0 on Linux.");
        assertProblem(label, Map.of("connection", "simulator", "widthDots", "50"), "widthDots", null);
        assertProblem(label, Map.of("connection", "modem"), "connection", null);

        assertEquals(before, settings.saved(label.pid()));
    }

    @Test
    void settingsTheDriverCannotStartWithGetThePreviousOnesBack() {
        Driver receipt = driver(ReceiptPrinter.CONFIGURATION_PID);
        settings.save(receipt, Map.of("connection", "simulator", "columns", "42"));
        await(() -> devices.receiptPrinter().map(p -> p.columns() == 42).orElse(false));
        Map<String, String> before = settings.saved(receipt.pid());

        DeviceSettings.Refused refused = assertThrows(DeviceSettings.Refused.class, () -> settings.save(receipt,
                Map.of("connection", "simulator", "columns", "42", "logo", "/no/such/logo.png")));

        assertTrue(refused.getMessage().contains("cannot start with these settings"), refused.getMessage());
        assertTrue(refused.getMessage().contains("/no/such/logo.png"), refused.getMessage());
        assertEquals(before, settings.saved(receipt.pid()));
        await(() -> devices.receiptPrinter().map(p -> p.columns() == 42).orElse(false));
    }

    @Test
    void devicesScreenSetsUpANetworkLabelPrinterTestsItAndPrintsThere(@TempDir Path directory) throws Exception {
        try (RawPrintServer printer = RawPrintServer.listen(0); ScreenFixture ui = new ScreenFixture(directory)) {
            DevicesView view = new DevicesView(ui.shell, ui.session(ui.manager, devices));
            ui.show();
            Table drivers = ui.find("drivers");
            drivers.setSelection(1);
            drivers.notifyListeners(SWT.Selection, new Event());
            ui.settle();
            choose(ui, "setting-connection", "Network (TCP)");
            ui.type("setting-host", "127.0.0.1");
            ui.type("setting-port", String.valueOf(printer.port()));

            ui.click("save-device");
            ui.waitFor(() -> !ui.status().startsWith("Saving"));
            assertTrue(ui.status().startsWith("Saved"), ui.status());
            String where = "ZPL label printer, 127.0.0.1:" + printer.port() + ", 406 x 203 dots";
            ui.waitFor(() -> where.equals(drivers.getItem(1).getText(1)));

            ui.click("test-device");
            ui.waitFor(() -> !ui.status().startsWith("Testing"));
            assertTrue(ui.status().startsWith("The label printer answers"), ui.status());

            devices.labelPrinter().orElseThrow().print(new Label("BP-1", "Brake pad set front", "", "BP-1"), 1);
            String job = new String(printer.nextJob(10, TimeUnit.SECONDS).orElseThrow(), StandardCharsets.UTF_8);
            assertTrue(job.startsWith("^XA") && job.contains("BP-1"), job);

            ui.type("setting-port", "99999");
            ui.click("save-device");
            ui.waitFor(() -> ui.status().startsWith("Not saved"));
            assertTrue(isRed(ui, "Port:"), "the port's caption is marked");
            assertEquals(String.valueOf(printer.port()), settings.saved(LabelPrinter.CONFIGURATION_PID).get("port"));

            ui.click("refresh-devices");
            assertEquals(String.valueOf(printer.port()), ui.<org.eclipse.swt.widgets.Text>find("setting-port").getText());
            view.control().dispose();
        }
    }

    @Test
    void onlyAManagerRemovesADeviceAndIsAskedFirst(@TempDir Path directory) {
        settings.save(driver(LabelPrinter.CONFIGURATION_PID), Map.of("connection", "simulator"));
        await(() -> devices.labelPrinter().isPresent());
        try (ScreenFixture ui = new ScreenFixture(directory)) {
            new DevicesView(ui.shell, ui.session(ui.clerk, devices));
            ui.show();
            Table drivers = ui.find("drivers");
            drivers.setSelection(1);
            drivers.notifyListeners(SWT.Selection, new Event());
            ui.settle();
            ui.prompter.answer(ScreenFixture.ScriptedPrompter.NOBODY);
            ui.click("remove-device");
            assertEquals("Not removed: removing a device needs a manager.", ui.status());
            assertTrue(devices.labelPrinter().isPresent());

            ui.prompter.answer(ui.manager).answer(false);
            ui.click("remove-device");
            assertTrue(settings.isSetUp(LabelPrinter.CONFIGURATION_PID), "the manager said no");

            ui.prompter.answer(ui.manager).answer(true);
            ui.click("remove-device");
            assertEquals("The label printer is no longer used.", ui.status());
            await(() -> devices.labelPrinter().isEmpty());
            assertFalse(settings.isSetUp(LabelPrinter.CONFIGURATION_PID));
            ui.waitFor(() -> "not set up".equals(drivers.getItem(1).getText(1)));
        }
    }

    private static boolean isRed(ScreenFixture ui, String caption) {
        for (Control control : ui.<Composite>find("settings-form").getChildren()) {
            if (control instanceof org.eclipse.swt.widgets.Label label && caption.equals(label.getText())) {
                return label.getForeground().equals(ui.display.getSystemColor(SWT.COLOR_RED));
            }
        }
        throw new AssertionError("no caption " + caption);
    }

    private static void choose(ScreenFixture ui, String name, String label) {
        Combo combo = ui.find(name);
        combo.select(combo.indexOf(label));
        combo.notifyListeners(SWT.Selection, new Event());
        ui.settle();
    }

    private static void assertProblem(Driver driver, Map<String, String> entered, String setting, String message) {
        DeviceSettings.Refused refused = assertThrows(DeviceSettings.Refused.class, () -> settings.save(driver, entered));
        assertEquals(List.of(setting), List.copyOf(refused.problems().keySet()), refused.getMessage());
        if (message != null) {
            assertEquals(message, refused.problems().get(setting));
        }
    }

    private static Driver driver(String pid) {
        return driver(settings, pid);
    }

    static Driver driver(DeviceSettings settings, String pid) {
        return settings.drivers().stream().filter(d -> d.pid().equals(pid)).findFirst().orElseThrow();
    }

    private static Bundle bundle(String symbolicName) {
        for (Bundle bundle : FrameworkUtil.getBundle(Devices.class).getBundleContext().getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting after 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
