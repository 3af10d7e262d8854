package org.clutch.shop.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.clutch.shop.Shop;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.purchasing.OrderLine;
import org.clutch.shop.purchasing.PurchaseOrder;
import org.clutch.shop.purchasing.PurchaseOrder.Status;
import org.clutch.shop.purchasing.Supplier;
import org.clutch.shop.purchasing.SupplierAnswer;
import org.clutch.shop.purchasing.SupplierPart;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Buying stock: suppliers and what they sell us, purchase orders from draft to received, and the orders the
 * reorder points suggest. Receiving books what arrived, line by line or everything still expected. What a supplier on
 * the marketplace says of an order (taken, shipped with whom) shows on it as it arrives.
 */
public final class PurchasingView {

    private final ShopSession session;
    private final Shop shop;
    private final ShopCurrency money;
    private final Composite root;
    private final Combo supplier;
    private final Text partNumber;
    private final Text quantity;
    private final Table orders;
    private final Table lines;
    private final Label supplierAnswer;
    private final Text receiveQuantity;
    private final Text supplierName;
    private final Text supplierPhone;
    private final Text supplierLeadTime;
    private final Text sourcePart;
    private final Text sourceNumber;
    private final Text sourceCost;
    private final Text sourcePack;
    private final Button sourcePreferred;
    private final StatusLine status;
    private final List<PurchaseOrder> shown = new ArrayList<>();
    private List<Supplier> suppliers = List.of();

    public PurchasingView(Composite parent, ShopSession session, SyncJob sync) {
        this.session = session;
        this.shop = session.shop();
        this.money = shop.profile().currency();
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, false));

        Composite left = new Composite(root, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        left.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite right = new Composite(root, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        GridData rightData = new GridData(SWT.FILL, SWT.FILL, false, true);
        rightData.widthHint = 360;
        right.setLayoutData(rightData);
        status = new StatusLine(left, 1);

        Composite add = new Composite(left, SWT.NONE);
        add.setLayout(new GridLayout(8, false));
        add.setLayoutData(Screens.wide(1));
        new Label(add, SWT.NONE).setText("Supplier:");
        supplier = new Combo(add, SWT.READ_ONLY);
        supplier.setData("name", "order-supplier");
        supplier.setLayoutData(new GridData(200, SWT.DEFAULT));
        new Label(add, SWT.NONE).setText("Part:");
        partNumber = new Text(add, SWT.BORDER);
        partNumber.setData("name", "order-part");
        partNumber.setMessage("part number or barcode");
        partNumber.setLayoutData(Screens.wide(1));
        new Label(add, SWT.NONE).setText("Qty:");
        quantity = new Text(add, SWT.BORDER | SWT.RIGHT);
        quantity.setData("name", "order-quantity");
        quantity.setLayoutData(new GridData(50, SWT.DEFAULT));
        Screens.button(add, "Add to draft", "add-to-draft", this::addToDraft, status);
        Screens.button(add, "Draft suggested orders", "draft-suggested", this::draftSuggested, status);

        orders = Screens.table(left, "orders", SWT.SINGLE, "Number:90", "Supplier:180", "Status:140", "Expected:100",
                "Lines:50:r", "Outstanding:90:r", "Total:110:r", "Created by:130", "Supplier says:260");
        GridData ordersData = Screens.wide(1);
        ordersData.heightHint = 220;
        orders.setLayoutData(ordersData);
        Composite actions = new Composite(left, SWT.NONE);
        actions.setLayout(new GridLayout(5, false));
        Screens.button(actions, "Approve", "approve", this::approve, status);
        Screens.button(actions, "Mark sent", "send", () -> act(o -> shop.purchasing().send(o.id(), session.staff()), "sent"),
                status);
        Screens.button(actions, "Receive everything outstanding", "receive-all", this::receiveAll, status);
        Screens.button(actions, "Cancel order…", "cancel-order", this::cancel, status);
        Screens.button(actions, "Refresh", "refresh-orders", this::refresh, status);

        supplierAnswer = new Label(left, SWT.WRAP);
        supplierAnswer.setData("name", "supplier-answer");
        supplierAnswer.setLayoutData(Screens.wide(1));
        lines = Screens.table(left, "order-lines", SWT.SINGLE, "#:30", "Part number:130", "Name:230",
                "Supplier's no.:110", "Ordered:70:r", "Received:70:r", "Outstanding:90:r", "Unit cost:100:r");
        lines.setLayoutData(Screens.fill(1));
        Composite receive = new Composite(left, SWT.NONE);
        receive.setLayout(new GridLayout(3, false));
        new Label(receive, SWT.NONE).setText("Arrived of the selected line:");
        receiveQuantity = new Text(receive, SWT.BORDER | SWT.RIGHT);
        receiveQuantity.setData("name", "receive-quantity");
        receiveQuantity.setLayoutData(new GridData(60, SWT.DEFAULT));
        Screens.button(receive, "Receive line", "receive-line", this::receiveLine, status);

        Group supplierGroup = new Group(right, SWT.NONE);
        supplierGroup.setText("Supplier");
        supplierGroup.setLayout(new GridLayout(2, false));
        supplierGroup.setLayoutData(Screens.wide(1));
        supplierName = Screens.field(supplierGroup, "Name", "supplier-name");
        supplierPhone = Screens.field(supplierGroup, "Phone", "supplier-phone");
        supplierLeadTime = Screens.field(supplierGroup, "Lead time (days)", "supplier-lead-time");
        Screens.button(supplierGroup, "Save supplier", "save-supplier", this::saveSupplier, status)
                .setLayoutData(Screens.wide(2));

        Group sourceGroup = new Group(right, SWT.NONE);
        sourceGroup.setText("What the chosen supplier sells us");
        sourceGroup.setLayout(new GridLayout(2, false));
        sourceGroup.setLayoutData(Screens.wide(1));
        sourcePart = Screens.field(sourceGroup, "Our part number", "source-part");
        sourceNumber = Screens.field(sourceGroup, "Their number", "source-number");
        sourceCost = Screens.field(sourceGroup, "Cost", "source-cost");
        sourcePack = Screens.field(sourceGroup, "Pack of", "source-pack");
        sourcePreferred = new Button(sourceGroup, SWT.CHECK);
        sourcePreferred.setText("Preferred source for this part");
        sourcePreferred.setData("name", "source-preferred");
        sourcePreferred.setLayoutData(Screens.wide(2));
        Screens.button(sourceGroup, "Save supplier part", "save-source", this::saveSource, status)
                .setLayoutData(Screens.wide(2));

        orders.addListener(SWT.Selection, e -> status.run(this::showLines));
        Consumer<PurchaseOrder> onAnswer = order -> root.getDisplay().asyncExec(() -> {
            if (!root.isDisposed()) {
                status.run(this::refresh);
                status.info("Purchase order " + order.number() + ": " + order.supplierName() + " "
                        + order.supplierAnswer().describe() + ".");
            }
        });
        sync.agent().onPurchaseOrder(onAnswer);
        root.addListener(SWT.Dispose, e -> sync.agent().removeOnPurchaseOrder(onAnswer));
        loadSuppliers();
        refresh();
    }

    public Composite control() {
        return root;
    }

    private void loadSuppliers() {
        suppliers = shop.purchasing().suppliers().stream().filter(Supplier::active).toList();
        String chosen = supplier.getText();
        supplier.setItems(suppliers.stream().map(Supplier::name).toArray(String[]::new));
        supplier.setText(chosen);
        if (supplier.getSelectionIndex() < 0 && !suppliers.isEmpty()) {
            supplier.select(0);
        }
    }

    private Supplier chosenSupplier() {
        int index = supplier.getSelectionIndex();
        if (index < 0) {
            throw new RuleException("Choose a supplier (or save one on the right).");
        }
        return suppliers.get(index);
    }

    /** Adds the part to the selected draft of this supplier, or starts a new draft. */
    private void addToDraft() {
        Supplier from = chosenSupplier();
        PartSummary part = findPart(partNumber.getText());
        int units = Screens.count(quantity.getText());
        Optional<PurchaseOrder> draft = selected().filter(o -> o.status() == Status.DRAFT && o.supplierId().equals(from.id()));
        PurchaseOrder order;
        if (draft.isPresent()) {
            List<OrderLine> newLines = new ArrayList<>();
            boolean merged = false;
            for (PurchaseOrder.Line line : draft.get().lines()) {
                boolean same = line.partId().equals(part.id());
                merged |= same;
                newLines.add(new OrderLine(line.partId(), line.quantityOrdered() + (same ? units : 0), line.unitCostMinor()));
            }
            if (!merged) {
                newLines.add(new OrderLine(part.id(), units, null));
            }
            order = shop.purchasing().replaceLines(draft.get().id(), newLines, session.staff());
        } else {
            order = shop.purchasing().draft(from.id(), List.of(new OrderLine(part.id(), units, null)), null, session.staff());
        }
        partNumber.setText("");
        quantity.setText("");
        refresh();
        select(order);
        status.info(units + " × " + part.partNumber() + " on draft " + order.number() + ".");
    }

    private void draftSuggested() {
        List<PurchaseOrder> drafts = shop.purchasing().draftSuggestedOrders(session.staff());
        int unsourced = shop.purchasing().unsourcedLowStock().size();
        refresh();
        status.info((drafts.isEmpty() ? "Nothing more to order from a known supplier: stock and open orders cover the"
                + " reorder points." : Screens.plural(drafts.size(), "suggested draft order") + " up to date; review and"
                + " approve " + (drafts.size() == 1 ? "it." : "them."))
                + (unsourced > 0 ? " " + Screens.plural(unsourced, "low part", "has", "have") + " no supplier yet." : ""));
    }

    @FunctionalInterface
    private interface OrderAction {
        PurchaseOrder on(PurchaseOrder order);
    }

    private void act(OrderAction action, String done) {
        PurchaseOrder order = action.on(requireSelected());
        refresh();
        select(order);
        status.info("Purchase order " + order.number() + " " + done + ".");
    }

    private void approve() {
        PurchaseOrder order = requireSelected();
        session.manager("Approving " + order.number() + " (" + money.format(order.totalMinor()) + ") needs a manager.")
                .ifPresent(manager -> act(o -> shop.purchasing().approve(o.id(), manager), "approved"));
    }

    private void receiveAll() {
        PurchaseOrder order = requireSelected();
        Map<Integer, Integer> all = new LinkedHashMap<>();
        order.lines().forEach(l -> all.put(l.lineNo(), l.outstanding()));
        if (!session.prompter().confirm("Receive", "Book " + order.outstandingUnits() + " units from "
                + order.supplierName() + " on " + order.number() + " into stock?")) {
            return;
        }
        received(shop.purchasing().receive(order.id(), all, session.staff()));
    }

    private void receiveLine() {
        PurchaseOrder order = requireSelected();
        int index = lines.getSelectionIndex();
        if (index < 0) {
            throw new RuleException("Choose the line that arrived.");
        }
        int units = Screens.count(receiveQuantity.getText());
        received(shop.purchasing().receive(order.id(), Map.of(order.lines().get(index).lineNo(), units), session.staff()));
        receiveQuantity.setText("");
    }

    private void received(PurchaseOrder order) {
        refresh();
        select(order);
        status.info("Received on " + order.number() + "; it is now " + order.status().label().toLowerCase()
                + (order.outstandingUnits() > 0 ? " with " + order.outstandingUnits() + " units still to come." : "."));
    }

    private void cancel() {
        PurchaseOrder order = requireSelected();
        Optional<String> reason = order.status() == Status.DRAFT ? Optional.of("")
                : session.prompter().askText("Cancel order", "Why is " + order.number() + " cancelled?", "");
        if (reason.isEmpty()) {
            return;
        }
        Optional<Staff> by = order.status() == Status.DRAFT ? Optional.of(session.staff())
                : session.manager("Cancelling an approved order needs a manager.");
        by.ifPresent(staff -> act(o -> shop.purchasing().cancel(o.id(), reason.get(), staff), "cancelled"));
    }

    private void saveSupplier() {
        int leadTime = supplierLeadTime.getText().isBlank() ? 7
                : Screens.wholeNumber(supplierLeadTime.getText(), "The lead time is a number of days.");
        Optional<Supplier> existing = suppliers.stream().filter(s -> s.name().equalsIgnoreCase(supplierName.getText().trim()))
                .findFirst();
        Supplier saved = shop.purchasing().saveSupplier(new Supplier(existing.map(Supplier::id).orElse(null),
                supplierName.getText(), existing.map(Supplier::contact).orElse(null), supplierPhone.getText(),
                existing.map(Supplier::email).orElse(null), leadTime, true), session.staff());
        loadSuppliers();
        supplier.setText(saved.name());
        status.info("Supplier " + saved.name() + " saved.");
    }

    private void saveSource() {
        Supplier from = chosenSupplier();
        PartSummary part = findPart(sourcePart.getText());
        int pack = sourcePack.getText().isBlank() ? 1 : Screens.count(sourcePack.getText());
        shop.purchasing().saveSupplierPart(new SupplierPart(from.id(), from.name(), part.id(), part.partNumber(), part.name(),
                sourceNumber.getText(), money.parse(sourceCost.getText()), null, pack, sourcePreferred.getSelection()),
                session.staff());
        status.info(from.name() + " sells " + part.partNumber() + " as " + sourceNumber.getText().trim() + ".");
    }

    private PartSummary findPart(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleException("Enter a part number or barcode.");
        }
        List<PartSummary> found = shop.catalog().findExact(text);
        if (found.isEmpty()) {
            throw new RuleException("There is no part " + text.trim() + ".");
        }
        if (found.size() > 1) {
            throw new RuleException(text.trim() + " is the number of " + found.size() + " parts; use the barcode.");
        }
        return found.get(0);
    }

    private Optional<PurchaseOrder> selected() {
        int index = orders.getSelectionIndex();
        return index < 0 ? Optional.empty() : Optional.of(shown.get(index));
    }

    private PurchaseOrder requireSelected() {
        return selected().orElseThrow(() -> new RuleException("Choose a purchase order."));
    }

    private void select(PurchaseOrder order) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(order.id())) {
                orders.setSelection(i);
                showLines();
                return;
            }
        }
    }

    private void refresh() {
        Optional<PurchaseOrder> before = selected();
        shown.clear();
        shown.addAll(shop.purchasing().orders(200));
        orders.removeAll();
        for (PurchaseOrder o : shown) {
            new TableItem(orders, SWT.NONE).setText(new String[] {o.number(), o.supplierName(), o.status().label(),
                    o.expectedOn() == null ? "" : o.expectedOn().toString(), String.valueOf(o.lines().size()),
                    String.valueOf(o.outstandingUnits()), money.format(o.totalMinor()), o.createdBy(),
                    o.supplierAnswer() == null ? "" : o.supplierAnswer().describe()});
        }
        Screens.fitColumns(orders);
        lines.removeAll();
        before.ifPresent(this::select);
    }

    /** What the supplier on the marketplace said of the order, in full, under the list. */
    private static String answerOf(PurchaseOrder order) {
        SupplierAnswer answer = order.supplierAnswer();
        return answer == null ? "" : order.supplierName() + " " + answer.describe() + " — " + Screens.when(answer.at()) + ".";
    }

    private void showLines() {
        lines.removeAll();
        supplierAnswer.setText(selected().map(PurchasingView::answerOf).orElse(""));
        selected().ifPresent(order -> {
            for (PurchaseOrder.Line l : order.lines()) {
                new TableItem(lines, SWT.NONE).setText(new String[] {String.valueOf(l.lineNo()), l.partNumber(), l.partName(),
                        l.supplierPartNumber() == null ? "" : l.supplierPartNumber(), String.valueOf(l.quantityOrdered()),
                        String.valueOf(l.quantityReceived()), String.valueOf(l.outstanding()),
                        money.format(l.unitCostMinor())});
            }
        });
    }
}
