package org.clutch.shop.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clutch.shop.Shop;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.customers.Customer;
import org.clutch.shop.devices.Gtin;
import org.clutch.shop.money.Discount;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Cart;
import org.clutch.shop.sales.CartLine;
import org.clutch.shop.sales.HeldSale;
import org.clutch.shop.sales.SaleRecord;
import org.clutch.shop.sales.Totals;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * The till. A scan (or a typed number, or words) adds the part; the lines, discounts and totals update as they
 * change; cash and card are taken with the change shown; completing writes the sale and shows its receipt.
 */
public final class PosView {

    private final ShopSession session;
    private final Shop shop;
    private final ShopCurrency money;
    private final Composite root;
    private final Text scan;
    private final Table results;
    private final Table lines;
    private final Label subtotal;
    private final Label discount;
    private final Label tax;
    private final Label total;
    private final TenderFields payment;
    private final Label customer;
    private final Text receipt;
    private final ReceiptPrinting printing;
    private final StatusLine status;
    private final List<PartSummary> hits = new ArrayList<>();
    private Cart cart;

    public PosView(Composite parent, ShopSession session) {
        this.session = session;
        this.shop = session.shop();
        this.money = shop.profile().currency();
        this.cart = new Cart(shop.profile().tax());

        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, false));

        Composite left = new Composite(root, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        left.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite right = new Composite(root, SWT.NONE);
        right.setLayout(new GridLayout(2, false));
        GridData rightData = new GridData(SWT.FILL, SWT.FILL, false, true);
        rightData.widthHint = 380;
        right.setLayoutData(rightData);

        Label prompt = new Label(left, SWT.NONE);
        prompt.setText("Scan a barcode, or type a part number or words, then Enter:");
        scan = new Text(left, SWT.BORDER | SWT.SEARCH);
        scan.setData("name", "scan");
        scan.setLayoutData(Screens.wide(1));
        results = Screens.table(left, "results", SWT.SINGLE, "Part number:140", "Brand:100", "Name:260",
                "Price:90:r", "On hand:70:r");
        GridData resultsData = Screens.wide(1);
        resultsData.heightHint = 110;
        results.setLayoutData(resultsData);

        lines = Screens.table(left, "lines", SWT.SINGLE, "#:30", "Part number:130", "Description:240", "Qty:50:r",
                "Price:90:r", "Discount:90:r", "Total:100:r");
        lines.setLayoutData(Screens.fill(1));

        status = new StatusLine(left, 1);
        Composite actions = new Composite(left, SWT.NONE);
        actions.setLayout(new GridLayout(9, false));
        Screens.button(actions, "Quantity…", "quantity", this::changeQuantity, status);
        Screens.button(actions, "Line discount…", "line-discount", this::lineDiscount, status);
        Screens.button(actions, "Remove line", "remove", this::removeLine, status);
        Screens.button(actions, "Sale discount…", "sale-discount", this::saleDiscount, status);
        Screens.button(actions, "Hold", "hold", this::hold, status);
        Screens.button(actions, "Recall…", "recall", this::recall, status);
        Screens.button(actions, "Customer…", "choose-customer", this::chooseCustomer, status);
        Screens.button(actions, "New sale", "new-sale", this::newSale, status);
        Screens.button(actions, "Till limits…", "till-limits", () -> TillLimitsQuestions.ask(session, status), status);

        customer = Screens.valueRow(right, "Customer", "customer");
        subtotal = Screens.valueRow(right, "Subtotal", "subtotal");
        discount = Screens.valueRow(right, "Discount", "discount");
        tax = Screens.valueRow(right, "Tax (" + shop.profile().tax().describe() + ")", "tax");
        total = Screens.valueRow(right, "TOTAL " + money.code(), "total");
        total.setFont(JFaceResources.getHeaderFont());
        payment = new TenderFields(right, money);
        Button complete = Screens.button(right, "Complete sale", "complete", this::complete, status);
        complete.setLayoutData(Screens.wide(2));
        receipt = new Text(right, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL);
        receipt.setData("name", "receipt");
        receipt.setFont(JFaceResources.getTextFont());
        receipt.setLayoutData(Screens.fill(2));
        printing = new ReceiptPrinting(right, session, status);
        ScanInput input = new ScanInput(scan, session, status, this::scannedCode, this::scanned);
        Screens.followDevices(root, session.devices(), () -> {
            printing.showPrinter();
            input.attachScanners();
        });
        ShopSession.LeavingCheck saleInProgress = this::settleBeforeLeaving;
        session.addLeavingCheck(saleInProgress);
        root.addListener(SWT.Dispose, e -> session.removeLeavingCheck(saleInProgress));

        results.addListener(SWT.DefaultSelection, e -> status.run(this::addSelectedResult));
        // typing a payment also clears an error left from the last try, so no message outlives its problem
        payment.onTyping(() -> status.run(this::showChange), () -> status.run(this::complete));
        refresh();
    }

    public Composite control() {
        return root;
    }

    public Cart cart() {
        return cart;
    }

    /**
     * A code from a scanner: it adds the part it belongs to, or says plainly that it belongs to none; it never turns
     * into a word search as typing does. A retail code with a wrong check digit is a misread, to be scanned again.
     */
    public void scannedCode(String code) {
        if (Gtin.isMisread(code)) {
            root.getDisplay().beep();
            throw new RuleException(Gtin.misreadMessage(code));
        }
        List<PartSummary> found = shop.catalog().findExact(code);
        if (found.isEmpty()) {
            root.getDisplay().beep();
            throw new RuleException("Scanned " + code + ": no part in the catalog has this code.");
        }
        if (found.size() > 1) {
            showResults(found);
            status.info(found.size() + " parts share " + code + "; double-click the one in hand.");
            return;
        }
        add(found.get(0), 1);
    }

    /** Enter in the scan box: an exact barcode or part number adds one unit; anything else lists the matches. */
    private void scanned() {
        String text = scan.getText().trim();
        if (text.isEmpty()) {
            return;
        }
        List<PartSummary> found = shop.catalog().findExact(text);
        if (found.size() == 1) {
            add(found.get(0), 1);
            scan.setText("");
            return;
        }
        showResults(found.isEmpty() ? shop.catalog().search(text, 50) : found);
        if (hits.isEmpty()) {
            status.error("Nothing in the catalog matches \"" + text + "\".");
        } else {
            status.info(Screens.plural(hits.size(), "part", "matches; double-click it", "match; double-click one")
                    + " to add it.");
        }
    }

    private void addSelectedResult() {
        int index = results.getSelectionIndex();
        if (index < 0) {
            throw new RuleException("Choose a part in the list.");
        }
        add(hits.get(index), 1);
        scan.setText("");
        scan.setFocus();
    }

    /** Adds units, first asking when the shop's books say there are not that many on the shelf. */
    public void add(PartSummary part, int quantity) {
        if (!stockAllows(part.id(), part.partNumber(), cart.quantityOf(part.id()) + quantity)) {
            status.info(part.partNumber() + " not added.");
            return;
        }
        if (cart.isEmpty()) {
            receipt.setText(""); // the last customer's receipt does not stay up during the next sale
        }
        cart.add(part, quantity);
        refresh();
        lines.setSelection(lines.getItemCount() - 1);
        status.info("Added " + part.brand() + " " + part.name() + ".");
    }

    private void changeQuantity() {
        CartLine line = cart.line(lines.getSelectionIndex());
        session.prompter().askText("Quantity", "Quantity of " + line.partNumber() + ":", String.valueOf(line.quantity()))
                .ifPresent(text -> {
                    int quantity = Screens.count(text);
                    CartLine.checkQuantity(quantity);
                    int others = cart.quantityOf(line.partId()) - line.quantity();
                    if (!stockAllows(line.partId(), line.partNumber(), others + quantity)) {
                        return;
                    }
                    line.setQuantity(quantity);
                    refresh();
                });
    }

    /** True when the shelf holds {@code wanted} units by the books, or the person chose to sell anyway. */
    private boolean stockAllows(UUID partId, String partNumber, int wanted) {
        int onHand = shop.inventory().onHand(partId);
        return wanted <= onHand || session.prompter().confirm("Not enough in stock", "Only " + onHand + " of "
                + partNumber + " in stock and this sale would take " + wanted + ". Sell anyway?");
    }

    private void lineDiscount() {
        CartLine line = cart.line(lines.getSelectionIndex());
        session.prompter().askText("Line discount", "Discount on " + line.partNumber()
                + " (an amount, or a percentage like 10%):", "").ifPresent(text -> {
                    Discount before = line.discount();
                    line.setDiscount(Discount.parse(text, money));
                    approveOrTakeBack(() -> line.setDiscount(before));
                });
    }

    private void removeLine() {
        cart.remove(lines.getSelectionIndex());
        refresh();
    }

    private void saleDiscount() {
        session.prompter().askText("Sale discount", "Discount on the whole sale (an amount, or a percentage like 5%):", "")
                .ifPresent(text -> {
                    Discount before = cart.saleDiscount();
                    cart.setSaleDiscount(Discount.parse(text, money));
                    approveOrTakeBack(() -> cart.setSaleDiscount(before));
                });
    }

    /**
     * After a discount is given: when the clerk may not give it alone, a manager signs in to approve it now, or the
     * discount is taken back and the screen says why.
     */
    private void approveOrTakeBack(Runnable takeBack) {
        Optional<String> why = cart.approvalNeeded(session.staff(), shop.tillSettings().limits());
        if (why.isPresent()) {
            Optional<Staff> manager = session.prompter().managerApproval(why.get());
            if (manager.isEmpty()) {
                takeBack.run();
                refresh();
                throw new RuleException("Discount not given: " + why.get() + " No manager approved it.");
            }
            cart.approve(manager.get());
            refresh();
            status.info("Discount approved by " + manager.get().displayName() + ".");
            return;
        }
        refresh();
    }

    /**
     * Before the person quits or signs out: a sale in progress is held (to be recalled at any till), discarded, or
     * the person stays. Cancel is the default.
     */
    private boolean settleBeforeLeaving(String leaving) {
        if (cart.isEmpty()) {
            return true;
        }
        int answer = session.prompter().choose("Sale in progress", "A sale of " + Screens.plural(cart.lines().size(), "line")
                + " (" + money.format(cart.totals().totalMinor()) + ")"
                + (cart.customerName() == null ? "" : " for " + cart.customerName()) + " is in progress. Before you "
                + leaving + ", hold it to finish later, or discard it?", "Hold it", "Discard it", "Cancel");
        switch (answer) {
            case 0 -> {
                String label = (cart.customerName() == null ? "Sale" : cart.customerName()) + " — held at " + leaving
                        + " by " + session.staff().displayName();
                shop.sales().hold(cart, label, session.staff());
                newSale();
                status.info("Sale held as \"" + label + "\".");
                return true;
            }
            case 1 -> {
                newSale();
                status.info("Sale discarded.");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void hold() {
        if (cart.isEmpty()) {
            throw new RuleException("There is nothing to hold.");
        }
        Optional<String> label = session.prompter().askText("Hold sale", "A name to find this sale again:", "");
        if (label.isEmpty()) {
            return;
        }
        shop.sales().hold(cart, label.get(), session.staff());
        newSale();
        status.info("Sale held as \"" + label.get() + "\".");
    }

    private void recall() {
        List<HeldSale> held = shop.sales().held();
        if (held.isEmpty()) {
            throw new RuleException("No sales are on hold.");
        }
        if (!cart.isEmpty()) {
            throw new RuleException("Finish or hold the current sale before recalling another.");
        }
        session.prompter().pick("Recall sale", "held sale", held, h -> h.label() + " — " + Screens.plural(h.lineCount(), "line") + ", "
                + money.format(h.totalMinor()) + " (" + h.staffName() + ")").ifPresent(chosen -> {
                    cart = shop.sales().recall(chosen.id());
                    refresh();
                    status.info("Recalled \"" + chosen.label() + "\".");
                });
    }

    /** Names the customer on the sale (for their history, and to charge their account). */
    private void chooseCustomer() {
        Optional<String> text = session.prompter().askText("Customer", "Customer's name, phone, plate or VIN"
                + " (empty to sell without one):", cart.customerName() == null ? "" : cart.customerName());
        if (text.isEmpty()) {
            return;
        }
        if (text.get().isBlank()) {
            cart.setCustomer(null, null);
            refresh();
            return;
        }
        List<Customer> matches = shop.customers().search(text.get(), 20);
        if (matches.isEmpty()) {
            throw new RuleException("No customer matches \"" + text.get().trim() + "\"; add them on the Customers screen.");
        }
        Optional<Customer> picked = matches.size() == 1 ? Optional.of(matches.get(0))
                : session.prompter().pick("Customer", "customer", matches, c -> c.name() + (c.phone() == null ? "" : " — " + c.phone()));
        if (picked.isEmpty()) {
            return;
        }
        sellTo(picked.get());
    }

    /** Names the customer on the sale; from the customer dialog, or from another screen (the car just read). */
    public void sellTo(Customer chosen) {
        cart.setCustomer(chosen.id(), chosen.name());
        refresh();
        status.info("Selling to " + chosen.name() + (chosen.creditLimitMinor() > 0
                ? "; " + money.format(chosen.availableCreditMinor()) + " available on account." : "."));
    }

    private void newSale() {
        cart = new Cart(shop.profile().tax());
        payment.clear();
        refresh();
    }

    private void complete() {
        List<Tender> tenders = payment.tenders();
        if (tenders.isEmpty() && (cart.isEmpty() || cart.totals().totalMinor() > 0)) {
            throw new RuleException("Enter the cash received, the card amount or the amount on account.");
        }
        Optional<String> why = cart.approvalNeeded(session.staff(), shop.tillSettings().limits());
        if (why.isPresent()) {
            Staff manager = session.prompter().managerApproval(why.get()).orElseThrow(
                    () -> new RuleException("Not completed: " + why.get() + " No manager approved it."));
            cart.approve(manager);
        }
        SaleRecord sale = shop.sales().complete(cart, tenders, session.staff());
        receipt.setText(Screens.receipt(sale, shop));
        newSale();
        String completed = "Sale " + sale.number() + " completed" + (sale.changeMinor() > 0
                ? ". Change due: " + money.format(sale.changeMinor()) + "." : ".");
        status.info(completed);
        scan.setFocus();
        printing.printIfPrinter(sale, completed);
    }

    private void showChange() {
        payment.showChange(cart.totals().totalMinor());
    }

    private void refresh() {
        Totals totals = cart.totals();
        int selected = lines.getSelectionIndex();
        lines.removeAll();
        for (int i = 0; i < cart.lines().size(); i++) {
            CartLine line = cart.lines().get(i);
            Totals.LineTotals t = totals.lines().get(i);
            TableItem item = new TableItem(lines, SWT.NONE);
            item.setText(new String[] {String.valueOf(i + 1), line.partNumber(), line.description(),
                    String.valueOf(line.quantity()), money.format(line.unitPriceMinor()),
                    t.discountMinor() == 0 ? "" : "-" + money.format(t.discountMinor()), money.format(t.totalMinor())});
        }
        if (selected >= 0 && selected < lines.getItemCount()) {
            lines.setSelection(selected); // the line just changed stays chosen for the next change
        }
        customer.setText(cart.customerName() == null ? "walk-in" : cart.customerName());
        subtotal.setText(money.format(totals.subtotalMinor()));
        discount.setText(totals.discountMinor() == 0 ? "" : "-" + money.format(totals.discountMinor()));
        tax.setText(money.format(totals.taxMinor()));
        total.setText(money.format(totals.totalMinor()));
        showChange();
        root.layout(true, true);
    }

    private void showResults(List<PartSummary> found) {
        hits.clear();
        hits.addAll(found);
        results.removeAll();
        for (PartSummary p : found) {
            new TableItem(results, SWT.NONE).setText(new String[] {p.partNumber(), p.brand(), p.name(),
                    money.format(p.priceMinor()), String.valueOf(p.onHand())});
        }
    }
}
