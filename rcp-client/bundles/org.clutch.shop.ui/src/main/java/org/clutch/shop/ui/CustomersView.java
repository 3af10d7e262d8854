package org.clutch.shop.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.clutch.shop.Shop;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.customers.AccountEntry;
import org.clutch.shop.customers.Customer;
import org.clutch.shop.customers.CustomerVehicle;
import org.clutch.shop.customers.PurchaseHistoryLine;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.money.Tender;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Customers: find them by name, phone, plate or VIN; keep their details, vehicles and credit limit; see what
 * they bought and their account statement; take payments on account; at a customer's request, hand them their
 * records or erase them.
 */
public final class CustomersView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ShopSession session;
    private final Shop shop;
    private final ShopCurrency money;
    private final Composite root;
    private final Text query;
    private final Table results;
    private final Text name;
    private final Text phone;
    private final Text email;
    private final Text taxNumber;
    private final Text creditLimit;
    private final Label balance;
    private final Table vehicles;
    private final Text make;
    private final Text model;
    private final Text year;
    private final Text engine;
    private final Text vin;
    private final Text plate;
    private final Table history;
    private final Table statement;
    private final StatusLine status;
    private final List<Customer> found = new ArrayList<>();
    private final List<CustomerVehicle> editedVehicles = new ArrayList<>();
    private Customer current;

    public CustomersView(Composite parent, ShopSession session) {
        this.session = session;
        this.shop = session.shop();
        this.money = shop.profile().currency();
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, true));
        status = new StatusLine(root, 2);

        Composite left = new Composite(root, SWT.NONE);
        left.setLayout(new GridLayout(3, false));
        left.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        query = new Text(left, SWT.BORDER | SWT.SEARCH);
        query.setData("name", "customer-query");
        query.setMessage("name, phone, plate or VIN");
        query.setLayoutData(Screens.wide(1));
        Screens.button(left, "Search", "customer-search", this::search, status);
        Screens.button(left, "New customer", "new-customer", () -> edit(null), status);
        results = Screens.table(left, "customers", SWT.SINGLE, "Name:170", "Phone:105", "Vehicles:150",
                "Balance:100:r", "Credit limit:100:r");
        results.setLayoutData(Screens.fill(3));
        TabFolder tabs = new TabFolder(left, SWT.TOP);
        GridData tabsData = Screens.fill(3);
        tabsData.heightHint = 220;
        tabs.setLayoutData(tabsData);
        history = Screens.tab(tabs, "Purchase history", "customer-history", "Number:80", "Kind:60", "Status:90", "When:130",
                "Items:50:r", "Total:100:r");
        statement = Screens.tab(tabs, "Account statement", "customer-statement", "When:130", "Kind:80", "Amount:100:r",
                "Balance:100:r", "Reference:110", "By:110");

        Composite right = new Composite(root, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        right.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Group details = new Group(right, SWT.NONE);
        details.setText("Customer");
        details.setLayout(new GridLayout(2, false));
        details.setLayoutData(Screens.wide(1));
        name = Screens.field(details, "Name", "customer-name");
        phone = Screens.field(details, "Phone", "customer-phone");
        email = Screens.field(details, "E-mail", "customer-email");
        taxNumber = Screens.field(details, "Tax number", "customer-tax-number");
        creditLimit = Screens.field(details, "Credit limit", "customer-credit-limit");
        new Label(details, SWT.NONE).setText("Owes");
        balance = Screens.label(details, "", "customer-balance");
        balance.setLayoutData(Screens.wide(1));

        Group cars = new Group(right, SWT.NONE);
        cars.setText("Vehicles");
        cars.setLayout(new GridLayout(6, false));
        cars.setLayoutData(Screens.fill(1));
        vehicles = Screens.table(cars, "customer-vehicles", SWT.SINGLE, "Vehicle:260", "VIN:170");
        vehicles.setLayoutData(Screens.fill(6));
        make = small(cars, "make", "vehicle-make", 90);
        model = small(cars, "model", "vehicle-model", 90);
        year = small(cars, "year", "vehicle-year", 50);
        engine = small(cars, "engine", "vehicle-engine", 50);
        plate = small(cars, "plate", "vehicle-plate", 80);
        vin = small(cars, "VIN", "vehicle-vin", 150);
        Screens.button(cars, "Add vehicle", "add-vehicle", this::addVehicle, status);
        Screens.button(cars, "Remove vehicle", "remove-vehicle", this::removeVehicle, status);

        Composite actions = new Composite(right, SWT.NONE);
        actions.setLayout(new GridLayout(4, false));
        Screens.button(actions, "Save customer", "save-customer", this::save, status);
        Screens.button(actions, "Take payment on account…", "take-payment", this::takePayment, status);
        Screens.button(actions, "Export their data…", "export-customer-data", this::exportData, status);
        Screens.button(actions, "Erase their records…", "erase-customer", this::erase, status);

        query.addListener(SWT.DefaultSelection, e -> status.run(this::search));
        results.addListener(SWT.Selection, e -> status.run(() -> {
            int index = results.getSelectionIndex();
            if (index >= 0) {
                edit(found.get(index));
            }
        }));
        search();
        edit(null);
    }

    public Composite control() {
        return root;
    }

    private static Text small(Composite parent, String hint, String widgetName, int width) {
        Text text = new Text(parent, SWT.BORDER);
        text.setMessage(hint);
        text.setData("name", widgetName);
        text.setLayoutData(new GridData(width, SWT.DEFAULT));
        return text;
    }

    private void search() {
        found.clear();
        found.addAll(shop.customers().search(query.getText(), 200));
        results.removeAll();
        for (Customer c : found) {
            new TableItem(results, SWT.NONE).setText(new String[] {c.name(), c.phone() == null ? "" : c.phone(),
                    String.join(", ", c.vehicles().stream().map(v -> v.year() + " " + v.make() + " " + v.model()).toList()),
                    money.format(c.balanceMinor()), c.creditLimitMinor() == 0 ? "" : money.format(c.creditLimitMinor())});
        }
    }

    /** Shows a customer in the form, or an empty form for a new one. */
    private void edit(Customer customer) {
        current = customer;
        name.setText(customer == null ? "" : customer.name());
        phone.setText(customer == null || customer.phone() == null ? "" : customer.phone());
        email.setText(customer == null || customer.email() == null ? "" : customer.email());
        taxNumber.setText(customer == null || customer.taxNumber() == null ? "" : customer.taxNumber());
        creditLimit.setText(customer == null ? "0" : money.plain(customer.creditLimitMinor()));
        editedVehicles.clear();
        if (customer != null) {
            editedVehicles.addAll(customer.vehicles());
        }
        showVehicles();
        showAccount(customer);
        root.layout(true, true);
    }

    /**
     * Brings the list and the shown customer's balance, history and statement up to date (a sale on account at the
     * till changes them), leaving the fields being edited as they are.
     */
    public void refresh() {
        int selected = results.getSelectionIndex();
        search();
        if (selected >= 0 && selected < results.getItemCount()) {
            results.setSelection(selected);
        }
        if (current != null && current.id() != null) {
            shop.customers().get(current.id()).ifPresent(this::showAccount);
        }
    }

    private void showAccount(Customer customer) {
        balance.setText(customer == null ? "" : money.format(customer.balanceMinor())
                + (customer.creditLimitMinor() > 0 ? "  (available " + money.format(customer.availableCreditMinor()) + ")" : ""));
        history.removeAll();
        statement.removeAll();
        if (customer != null) {
            ZoneId zone = shop.clock().getZone();
            for (PurchaseHistoryLine h : shop.customers().history(customer.id(), 100)) {
                new TableItem(history, SWT.NONE).setText(new String[] {h.saleNumber(), h.kind().toLowerCase(Locale.ROOT),
                        h.status().toLowerCase(Locale.ROOT), WHEN.format(h.at().atZone(zone)), String.valueOf(h.items()),
                        money.format(h.totalMinor())});
            }
            for (AccountEntry e : shop.customers().statement(customer.id(), 100)) {
                new TableItem(statement, SWT.NONE).setText(new String[] {WHEN.format(e.at().atZone(zone)),
                        e.kind().name().toLowerCase(Locale.ROOT), money.format(e.amountMinor()),
                        money.format(e.balanceAfterMinor()), e.reference() == null ? "" : e.reference(),
                        e.staffName() == null ? "" : e.staffName()});
            }
        }
        root.layout(true, true);
    }

    private void showVehicles() {
        vehicles.removeAll();
        for (CustomerVehicle v : editedVehicles) {
            new TableItem(vehicles, SWT.NONE).setText(new String[] {v.label(), v.vin() == null ? "" : v.vin()});
        }
        Screens.fitColumns(vehicles);
    }

    private void addVehicle() {
        editedVehicles.add(new CustomerVehicle(null, make.getText(), model.getText(), Screens.modelYear(year), engine.getText(),
                vin.getText(), plate.getText()));
        for (Text t : List.of(make, model, year, engine, vin, plate)) {
            t.setText("");
        }
        showVehicles();
        status.info("Vehicle added; save the customer to keep it.");
    }

    private void removeVehicle() {
        int index = vehicles.getSelectionIndex();
        if (index < 0) {
            throw new RuleException("Choose a vehicle.");
        }
        editedVehicles.remove(index);
        showVehicles();
        status.info("Vehicle removed; save the customer to keep the change.");
    }

    private void save() {
        long limit = money.parse(creditLimit.getText().isBlank() ? "0" : creditLimit.getText());
        long currentLimit = current == null ? 0 : current.creditLimitMinor();
        var by = limit == currentLimit ? Optional.of(session.staff())
                : session.manager("Setting a credit limit needs a manager.");
        if (by.isEmpty()) {
            return;
        }
        Customer saved = shop.customers().save(new Customer(current == null ? null : current.id(), name.getText(),
                phone.getText(), email.getText(), taxNumber.getText(), limit, 0, current == null ? null : current.note(),
                editedVehicles), by.get());
        query.setText(saved.name());
        search();
        edit(saved);
        results.setSelection(0);
        status.info(saved.name() + " saved.");
    }

    private void takePayment() {
        Customer customer = chosen();
        Optional<String> amount = session.prompter().askText("Payment on account", customer.name() + " owes "
                + money.format(customer.balanceMinor()) + ". Amount paid:", money.plain(Math.max(0, customer.balanceMinor())));
        Optional<String> how = amount.flatMap(a -> session.prompter().askText("Payment on account", "Paid by (cash or card):",
                "cash"));
        if (how.isEmpty()) {
            return;
        }
        long paid = money.parse(amount.get());
        Tender tender = switch (how.get().trim().toLowerCase(Locale.ROOT)) {
            case "cash" -> Tender.cash(paid);
            case "card" -> Tender.card(paid, null);
            default -> throw new RuleException("Say cash or card.");
        };
        Customer after = shop.customers().receivePayment(customer.id(), tender, session.staff());
        edit(after);
        search();
        status.info("Received " + money.format(paid) + " from " + after.name() + "; they now owe "
                + money.format(after.balanceMinor()) + ".");
    }

    /** The customer's records as a JSON file for them to take away. */
    private void exportData() {
        Customer customer = chosen();
        String suggested = "customer-" + customer.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".json";
        Optional<Path> file = session.prompter().chooseFile("Export " + customer.name() + "'s data", true, suggested);
        if (file.isEmpty()) {
            return;
        }
        String data = shop.customers().exportData(customer.id(), session.staff());
        try {
            Files.writeString(file.get(), data, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleException("Could not write " + file.get() + ": " + e.getMessage());
        }
        status.info(customer.name() + "'s data written to " + file.get().getFileName() + ".");
    }

    /** Erases the customer's records at their request: a manager's decision, asked twice, No being the default. */
    private void erase() {
        Customer customer = chosen();
        Optional<Staff> manager = session.manager("Erasing a customer's records needs a manager.");
        if (manager.isEmpty() || !session.prompter().confirm("Erase customer", "Erase " + customer.name() + "'s records for "
                + "good, at their request? Their name, contacts, tax number and vehicles go, here and at head office; "
                + "their sales stay under \"" + Customer.ERASED_NAME + "\". This cannot be undone.")) {
            return;
        }
        shop.customers().erase(customer.id(), manager.get());
        search();
        edit(null);
        status.info(customer.name() + "'s records are erased; their sales stay under \"" + Customer.ERASED_NAME + "\".");
    }

    private Customer chosen() {
        if (current == null || current.id() == null) {
            throw new RuleException("Choose a customer.");
        }
        return current;
    }
}
