package org.clutch.shop.ui;

import static org.clutch.shop.ui.DevicesPluginTest.await;
import static org.clutch.shop.ui.DevicesPluginTest.driver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.clutch.shop.catalog.Fitment;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.customers.Customer;
import org.clutch.shop.customers.CustomerVehicle;
import org.clutch.shop.devices.VehicleDiagnostics;
import org.clutch.shop.ui.osgi.DeviceSettings;
import org.clutch.shop.ui.osgi.Devices;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * The vehicle diagnostics screen reading a car through the real ELM327 driver and its simulator (the AT/OBD
 * protocol end to end): the VIN finds the customer's vehicle, the codes come with their meaning and become a parts
 * lookup that puts parts fitting the vehicle first, and clearing asks first.
 */
class DiagnosticsPluginTest {

    private static final String SIMULATED_VIN = "1HGCM82633A004352";
    private static Devices devices;

    @BeforeAll
    static void simulatedCarWithCodes() throws BundleException {
        FrameworkUtil.getBundle(Devices.class).start();
        devices = Devices.tracked();
        DeviceSettings settings = DeviceSettings.ofFramework().orElseThrow();
        settings.save(driver(settings, VehicleDiagnostics.CONFIGURATION_PID), Map.of("connection", "simulator", "scenario", "codes-present"));
        await(() -> devices.diagnostics().map(d -> d.description().contains("codes present")).orElse(false));
    }

    /** Unplugging the reader and plugging it in again gives a fresh simulated car, codes and all. */
    @BeforeEach
    void plugTheReaderIn() {
        devices.diagnostics().ifPresent(VehicleDiagnostics::disconnect);
    }

    @Test
    void readsTheCarFindsItsOwnerAndTurnsACodeIntoPartsThatFit(@TempDir Path directory) {
        try (ScreenFixture ui = new ScreenFixture(directory)) {
            Part fits = sensor(ui, "OS-ACC", new Fitment("Honda", "Accord", 2003, 2007, "2.4"));
            Part other = sensor(ui, "OS-COR", new Fitment("Toyota", "Corolla", 2014, 2019, "1.6"));
            Customer owner = ui.shop.customers().save(new Customer(null, "Wanjiku Mwangi", "0733 000 111", null, null, 0, 0,
                    null, List.of(new CustomerVehicle(null, "Honda", "Accord", 2003, "2.4", SIMULATED_VIN, "KAZ 321X"))),
                    ui.manager);
            List<Customer> soldTo = new ArrayList<>();
            List<PartSummary> added = new ArrayList<>();
            new DiagnosticsView(ui.shell, ui.session(ui.clerk, devices), soldTo::add, added::add);
            ui.show();
            assertTrue(ui.<Label>find("obd-reader").getText().startsWith("OBD2 reader: ELM327"));

            ui.click("read-car");
            Table codes = ui.find("trouble-codes");
            ui.waitFor(() -> codes.getItemCount() > 0);

            assertEquals(List.of("P0133 Stored (check-engine light)", "P0420 Stored (check-engine light)",
                    "P0301 Stored (check-engine light)", "P0171 Stored (check-engine light)", "P0300 Pending (seen once)",
                    "P0420 Permanent (clears itself after repair)"),
                    Arrays.stream(codes.getItems()).map(i -> i.getText(0) + " " + i.getText(1)).toList());
            assertEquals("O2 sensor circuit slow response (bank 1 sensor 1)", codes.getItem(0).getText(2));
            assertEquals("Oxygen sensor", codes.getItem(0).getText(3));
            assertEquals("VIN " + SIMULATED_VIN + ": 2003 Honda Accord 2.4 (KAZ 321X) of Wanjiku Mwangi (on file).",
                    ui.<Label>find("vehicle").getText());
            assertTrue(ui.<Label>find("freeze-frame").getText().startsWith("Freeze frame (when P0133 was set): "));

            Table parts = ui.find("code-parts");
            assertEquals(List.of("OS-ACC Fits", "OS-COR Not listed for this vehicle"),
                    Arrays.stream(parts.getItems()).map(i -> i.getText(0) + " " + i.getText(2)).toList());
            assertEquals("P0133: nothing listed for this vehicle is in stock (2 parts to check). Order it from a"
                    + " supplier, or find it through the marketplace.", ui.status());

            ui.shop.inventory().adjust(fits.id(), "B-02", 1, "delivery", ui.manager);
            codes.setSelection(0);
            codes.notifyListeners(SWT.Selection, new Event());
            assertEquals("P0133: 2 parts to check, 1 listed for this vehicle.", ui.status());

            parts.setSelection(1);
            ui.prompter.answer(false);
            ui.click("add-part-to-sale");
            assertTrue(added.isEmpty(), "a part not listed for the car is not sold without asking");
            assertTrue(ui.prompter.asked.get(0).contains("is not listed as fitting the 2003 Honda Accord 2.4 (KAZ 321X)"),
                    ui.prompter.asked.toString());

            parts.setSelection(0);
            ui.click("add-part-to-sale");
            assertEquals(List.of(fits.id()), added.stream().map(PartSummary::id).toList());
            ui.click("sell-to-owner");
            assertEquals(List.of(owner.id()), soldTo.stream().map(Customer::id).toList());

            codes.setSelection(2); // P0301, a misfire: spark plugs and coils, of which this shop has none
            codes.notifyListeners(SWT.Selection, new Event());
            assertEquals(0, parts.getItemCount());
            assertEquals("P0301: the catalog has no spark plug or ignition coil.", ui.status());

            codes.setSelection(1); // P0420: catalytic converter, then oxygen sensors
            codes.notifyListeners(SWT.Selection, new Event());
            assertEquals(List.of(fits.partNumber(), other.partNumber()),
                    Arrays.stream(parts.getItems()).map(i -> i.getText(0)).toList());
        }
    }

    @Test
    void aCarNotOnFileIsKnownByWhatItsVinSays(@TempDir Path directory) {
        try (ScreenFixture ui = new ScreenFixture(directory)) {
            Part civic = sensor(ui, "OS-CIV", new Fitment("Honda", "Civic", 2001, 2005, "1.7"));
            Part later = sensor(ui, "OS-ACC8", new Fitment("Honda", "Accord", 2008, 2012, "2.4"));
            List<Customer> soldTo = new ArrayList<>();
            new DiagnosticsView(ui.shell, ui.session(ui.clerk, devices), soldTo::add, p -> { });
            ui.show();

            ui.click("read-car");
            Table codes = ui.find("trouble-codes");
            ui.waitFor(() -> codes.getItemCount() > 0);

            assertEquals("VIN " + SIMULATED_VIN + ": Honda, model year 2003 (from the VIN), not on file; add it to the"
                    + " customer's vehicles on the Customers screen.", ui.<Label>find("vehicle").getText());
            // the VIN tells the maker and the year, not the model: parts listed for a 2003 Honda come first
            assertEquals(List.of(civic.partNumber() + " Listed for a Honda 2003; check the model",
                    later.partNumber() + " Not listed for a Honda 2003"),
                    Arrays.stream(ui.<Table>find("code-parts").getItems()).map(i -> i.getText(0) + " " + i.getText(2)).toList());

            ui.click("sell-to-owner");
            assertTrue(ui.status().startsWith("The car is not on file"), ui.status());
            assertTrue(soldTo.isEmpty());
        }
    }

    @Test
    void clearingCodesAsksFirstAndLeavesOnlyPermanentOnes(@TempDir Path directory) {
        try (ScreenFixture ui = new ScreenFixture(directory)) {
            new DiagnosticsView(ui.shell, ui.session(ui.clerk, devices), c -> { }, p -> { });
            ui.show();
            ui.click("read-car");
            Table codes = ui.find("trouble-codes");
            ui.waitFor(() -> codes.getItemCount() > 0);
            int before = codes.getItemCount();

            ui.prompter.answer(false);
            ui.click("clear-codes");
            assertEquals(before, codes.getItemCount(), "the person said no");

            ui.prompter.answer(true);
            ui.click("clear-codes");
            ui.waitFor(() -> !ui.status().startsWith("Clearing"));
            assertTrue(ui.status().startsWith("Codes cleared"), ui.status());
            assertEquals(List.of("P0420 Permanent (clears itself after repair)"),
                    Arrays.stream(codes.getItems()).map(i -> i.getText(0) + " " + i.getText(1)).toList());
            assertEquals("No freeze frame.", ui.<Label>find("freeze-frame").getText());
        }
    }

    @Test
    void withoutAReaderTheScreenSaysWhereToSetOneUp(@TempDir Path directory) {
        try (ScreenFixture ui = new ScreenFixture(directory)) {
            new DiagnosticsView(ui.shell, ui.session(ui.clerk, Devices.none()), c -> { }, p -> { });
            ui.show();
            assertEquals("No OBD2 reader: set one up on the Devices screen.", ui.<Label>find("obd-reader").getText());
            ui.click("read-car");
            assertEquals("No OBD2 reader is set up: set one up on the Devices screen.", ui.status());
            assertEquals(0, ui.<Table>find("trouble-codes").getItemCount());
        }
    }

    private static Part sensor(ScreenFixture ui, String number, Fitment fitment) {
        return ui.shop.catalog().save(new Part(null, number, "Denso", "Oxygen sensor upstream", "Engine management", null,
                4900, 9800, true, "B-02", 0, 0, 0, List.of(), List.of(fitment)), ui.manager);
    }
}
