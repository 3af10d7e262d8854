package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.clutch.shop.customers.Customer;
import org.clutch.shop.customers.CustomerVehicle;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Cart;
import org.clutch.shop.sales.SaleRecord;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Customers kept on their screen, and a sale put on a customer's account at the till. */
class CustomersScreenTest {

    @TempDir
    Path directory;

    private ScreenFixture ui;

    @BeforeEach
    void open() {
        ui = new ScreenFixture(directory);
        ui.part("BP-100", "Brake pad set front", "4006633123457", 450000, 5);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void aClerkAddsACustomerWithAVehicleAndAManagerGrantsCredit() {
        new CustomersView(ui.shell, ui.session(ui.clerk));
        ui.show();
        ui.click("new-customer");
        ui.type("customer-name", "Kamau Garage");
        ui.type("customer-phone", "0722 111 222");
        ui.type("vehicle-make", "Toyota");
        ui.type("vehicle-model", "Probox");
        ui.type("vehicle-year", "20x5");
        ui.click("add-vehicle");
        assertEquals("Enter the vehicle's model year.", ui.status());
        ui.type("vehicle-year", "2015");
        ui.type("vehicle-plate", "kcd 123a");
        ui.click("add-vehicle");
        ui.type("customer-credit-limit", "10,000");
        ui.prompter.answer(ScreenFixture.ScriptedPrompter.NOBODY);
        ui.click("save-customer");
        assertTrue(ui.shop.customers().search("Kamau", 5).isEmpty(), "credit without a manager saves nothing");

        ui.prompter.answer(ui.manager);
        ui.click("save-customer");
        assertEquals("Kamau Garage saved.", ui.status());
        Customer saved = ui.shop.customers().search("KCD 123A", 5).get(0);
        assertEquals(1_000_000, saved.creditLimitMinor());
        assertEquals("2015 Toyota Probox (KCD 123A)", saved.vehicles().get(0).label());
        Table customers = ui.find("customers");
        assertEquals("Kamau Garage", customers.getItem(0).getText(0));
        assertEquals("2015 Toyota Probox", customers.getItem(0).getText(2));
        Table vehicles = ui.find("customer-vehicles");
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(vehicles);
        int needed = gc.textExtent(vehicles.getItem(0).getText(0)).x;
        gc.dispose();
        assertTrue(vehicles.getColumn(0).getWidth() >= needed, "the vehicle, plate included, is not cut off");
    }

    @Test
    void comingBackToTheScreenShowsTheBalanceAfterASaleOnAccount() {
        Customer garage = ui.shop.customers().save(new Customer(null, "Kamau Garage", "0722 111 222", null, null,
                1_000_000, 0, null, List.of()), ui.manager);
        CustomersView view = new CustomersView(ui.shell, ui.session(ui.clerk));
        ui.show();
        Table customers = ui.find("customers");
        customers.setSelection(0);
        customers.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        ui.settle();
        ui.type("customer-phone", "0733 000 000"); // being edited, not saved yet
        assertEquals("0.00  (available 10,000.00)", ui.<Label>find("customer-balance").getText());

        Cart cart = new Cart(ui.shop.profile().tax());
        cart.add(ui.shop.catalog().findByNumber("BP-100").get(0), 1);
        cart.setCustomer(garage.id(), garage.name());
        ui.shop.sales().complete(cart, List.of(Tender.account(450_000)), ui.clerk);
        view.refresh();

        assertEquals("4,500.00  (available 5,500.00)", ui.<Label>find("customer-balance").getText());
        assertEquals("4,500.00", customers.getItem(0).getText(3));
        assertEquals(1, ui.<Table>find("customer-history").getItemCount());
        assertEquals("0733 000 000", ui.<org.eclipse.swt.widgets.Text>find("customer-phone").getText(),
                "what was being typed stays");
    }

    @Test
    void aSaleOnAccountAtTheTillShowsOnTheCustomersStatement() {
        Customer garage = ui.shop.customers().save(new Customer(null, "Kamau Garage", "0722 111 222", null, null,
                1_000_000, 0, null, List.of(new CustomerVehicle(null, "Toyota", "Probox", 2015, "", null, "KCD 123A"))),
                ui.manager);
        PosView till = new PosView(ui.shell, ui.session(ui.clerk));
        ui.show();
        ui.typeAndEnter("scan", "4006633123457");
        ui.prompter.answer("kcd123a");
        ui.click("choose-customer");
        assertEquals("Kamau Garage", ui.<Label>find("customer").getText());
        assertEquals("Selling to Kamau Garage; 10,000.00 available on account.", ui.status());
        ui.type("account", "4,500");
        ui.click("complete");
        assertTrue(ui.status().startsWith("Sale S000001 completed"), ui.status());
        SaleRecord sale = ui.shop.sales().findByNumber("S000001").orElseThrow();
        assertEquals(garage.id(), sale.customerId());
        assertEquals(450000, ui.shop.customers().get(garage.id()).orElseThrow().balanceMinor());
        assertEquals("walk-in", ui.<Label>find("customer").getText(), "the next sale starts without a customer");

        ui.typeAndEnter("scan", "4006633123457");
        ui.typeAndEnter("scan", "4006633123457");
        ui.prompter.answer("Kamau");
        ui.click("choose-customer");
        ui.type("account", "9,000");
        ui.click("complete");
        assertEquals("Only 5,500.00 of Kamau Garage's credit limit is left.", ui.status());
        assertEquals(2, till.cart().lines().get(0).quantity(), "the refused sale is still on the till");
        assertEquals(4, ui.shop.inventory().onHand(ui.shop.catalog().findByNumber("BP-100").get(0).id()));
    }

    @Test
    void atTheirRequestTheCounterHandsACustomerTheirDataAndAManagerErasesIt() throws Exception {
        ui.shop.customers().save(new Customer(null, "Kamau Garage", "0722 111 222", "kamau@garage.example", null, 0, 0, null,
                List.of(new CustomerVehicle(null, "Toyota", "Probox", 2015, "", null, "KCD 123A"))), ui.manager);
        new CustomersView(ui.shell, ui.session(ui.clerk));
        ui.show();
        ui.click("export-customer-data");
        assertEquals("Choose a customer.", ui.status());
        Table customers = ui.find("customers");
        customers.setSelection(0);
        customers.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        ui.settle();

        Path file = directory.resolve("kamau.json");
        ui.prompter.answer(file);
        ui.click("export-customer-data");
        assertEquals("Kamau Garage's data written to kamau.json.", ui.status());
        String data = java.nio.file.Files.readString(file);
        assertTrue(data.contains("kamau@garage.example") && data.contains("KCD 123A"), data);

        ui.prompter.answer(ui.manager).answer(false);
        ui.click("erase-customer");
        assertEquals("Kamau Garage", customers.getItem(0).getText(0), "No, the default, erases nothing");
        ui.prompter.answer(ScreenFixture.ScriptedPrompter.NOBODY);
        ui.click("erase-customer");
        assertEquals(1, customers.getItemCount(), "nor does a manager who does not come");

        ui.prompter.answer(ui.manager).answer(true);
        ui.click("erase-customer");
        assertEquals("Kamau Garage's records are erased; their sales stay under \"Erased customer\".", ui.status());
        assertEquals(0, customers.getItemCount(), "nobody finds them any more");
        assertTrue(ui.prompter.asked.get(ui.prompter.asked.size() - 1).contains("cannot be undone"), ui.prompter.asked.toString());
    }
}
