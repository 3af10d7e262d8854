package org.clutch.shop.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.clutch.shop.Shop;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.RefundMethod;
import org.clutch.shop.sales.RefundPlan;
import org.clutch.shop.sales.ReturnItem;
import org.clutch.shop.sales.SaleRecord;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Goods coming back, and sales cancelled. A sale is looked up by the number on its receipt; the lines to take
 * back are ticked, with how many and whether they go back on the shelf; a large refund or a void asks for a
 * manager.
 */
public final class ReturnsView {


    private final ShopSession session;
    private final Shop shop;
    private final ShopCurrency money;
    private final Composite root;
    private final Text number;
    private final Label header;
    private final Table lines;
    private final Spinner quantity;
    private final Button restock;
    private final Combo refundKind;
    private final Text receipt;
    private final StatusLine status;
    private final Map<Integer, Integer> returnQuantity = new HashMap<>();
    private final Map<Integer, Boolean> backOnShelf = new HashMap<>();
    private SaleRecord sale;

    public ReturnsView(Composite parent, ShopSession session) {
        this.session = session;
        this.shop = session.shop();
        this.money = shop.profile().currency();
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        status = new StatusLine(root, 1);

        Composite find = new Composite(root, SWT.NONE);
        find.setLayout(new GridLayout(4, false));
        find.setLayoutData(Screens.wide(1));
        new Label(find, SWT.NONE).setText("Sale number (from the receipt):");
        number = new Text(find, SWT.BORDER);
        number.setData("name", "sale-number");
        number.setLayoutData(Screens.wide(1));
        Screens.button(find, "Find", "find", this::find, status);
        Screens.button(find, "Void sale…", "void", this::voidSale, status);
        header = Screens.label(root, "", "sale-header");
        header.setLayoutData(Screens.wide(1));
        lines = Screens.table(root, "return-lines", SWT.CHECK | SWT.SINGLE, "Line:50", "Part number:130",
                "Description:240", "Sold:60:r", "Returned:80:r", "Return now:90:r", "Back on shelf:110", "Refund:100:r");
        lines.setLayoutData(Screens.fill(1));

        Composite edit = new Composite(root, SWT.NONE);
        edit.setLayout(new GridLayout(6, false));
        new Label(edit, SWT.NONE).setText("Quantity of the chosen line:");
        quantity = new Spinner(edit, SWT.BORDER);
        quantity.setData("name", "return-quantity");
        quantity.setMinimum(1);
        restock = new Button(edit, SWT.CHECK);
        restock.setText("Back on the shelf (not damaged)");
        restock.setData("name", "restock");
        restock.setSelection(true);
        new Label(edit, SWT.NONE).setText("Refund as:");
        refundKind = new Combo(edit, SWT.READ_ONLY);
        refundKind.setData("name", "refund-kind");
        refundKind.setItems("As paid (card back to card)", "All in cash");
        refundKind.select(0);
        Screens.button(edit, "Return ticked lines", "return", this::returnTicked, status);
        receipt = new Text(root, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL);
        receipt.setData("name", "return-receipt");
        receipt.setFont(JFaceResources.getTextFont());
        receipt.setLayoutData(Screens.fill(1));

        number.addListener(SWT.DefaultSelection, e -> status.run(this::find));
        lines.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                TableItem item = (TableItem) e.item;
                SaleRecord.Line line = (SaleRecord.Line) item.getData();
                returnQuantity.put(line.lineNo(), item.getChecked() ? line.returnableQuantity() : 0);
                showLines();
            }
            showChosen();
        });
        quantity.addListener(SWT.Selection, e -> status.run(() -> editChosen()));
        restock.addListener(SWT.Selection, e -> status.run(() -> editChosen()));
    }

    public Composite control() {
        return root;
    }

    private void find() {
        String text = number.getText().trim();
        sale = shop.sales().findByNumber(text).orElseThrow(() -> new RuleException("There is no sale " + text + "."));
        returnQuantity.clear();
        backOnShelf.clear();
        header.setText(describe(sale));
        showLines();
        status.info(sale.kind() == SaleRecord.Kind.SALE && sale.status() == SaleRecord.Status.COMPLETED
                ? "Tick the lines coming back." : "Nothing can be returned against " + sale.number() + ".");
    }

    private void editChosen() {
        int index = lines.getSelectionIndex();
        if (index < 0) {
            throw new RuleException("Choose a line first.");
        }
        SaleRecord.Line line = sale.lines().get(index);
        if (quantity.getSelection() > line.returnableQuantity()) {
            quantity.setSelection(line.returnableQuantity());
            throw new RuleException("Of " + line.partNumber() + " only " + line.returnableQuantity() + " can still be returned.");
        }
        returnQuantity.put(line.lineNo(), quantity.getSelection());
        backOnShelf.put(line.lineNo(), restock.getSelection());
        showLines();
    }

    private void showChosen() {
        int index = lines.getSelectionIndex();
        if (sale == null || index < 0) {
            return;
        }
        SaleRecord.Line line = sale.lines().get(index);
        quantity.setMaximum(Math.max(1, line.returnableQuantity()));
        quantity.setSelection(Math.max(1, returnQuantity.getOrDefault(line.lineNo(), line.returnableQuantity())));
        restock.setSelection(backOnShelf.getOrDefault(line.lineNo(), true));
    }

    private void returnTicked() {
        if (sale == null) {
            throw new RuleException("Find the sale first.");
        }
        List<ReturnItem> items = new ArrayList<>();
        for (SaleRecord.Line line : sale.lines()) {
            int units = returnQuantity.getOrDefault(line.lineNo(), 0);
            if (units > 0) {
                items.add(new ReturnItem(line.lineNo(), units, backOnShelf.getOrDefault(line.lineNo(), true)));
            }
        }
        if (items.isEmpty()) {
            throw new RuleException("Tick the lines coming back.");
        }
        RefundMethod method = refundKind.getSelectionIndex() == 1 ? RefundMethod.CASH : RefundMethod.AS_PAID;
        RefundPlan plan = shop.sales().planReturn(sale.number(), items, method, session.staff());
        Staff approver = null;
        if (plan.approvalReason().isPresent()) {
            Optional<Staff> manager = session.prompter().managerApproval(plan.approvalReason().get());
            if (manager.isEmpty()) {
                status.info("Return not made: no manager approved it.");
                return;
            }
            approver = manager.get();
        }
        SaleRecord done = shop.sales().returnItems(sale.number(), items, method, session.staff(), approver);
        receipt.setText(Screens.receipt(done, shop));
        find();
        status.info("Return " + done.number() + " made: refund " + done.tenders().stream()
                .map(t -> money.format(t.amountMinor()) + " " + (t.kind() == Tender.Kind.ACCOUNT ? "to the account"
                        : "by " + t.kind().name().toLowerCase()))
                .collect(Collectors.joining(" and ")) + ".");
    }

    /** Checks that the sale can be voided and that a reason is given before a manager is asked to sign in. */
    private void voidSale() {
        if (sale == null) {
            throw new RuleException("Find the sale first.");
        }
        shop.sales().checkVoidable(sale.number());
        Optional<String> reason = session.prompter().askText("Void sale " + sale.number(), "Why is the sale voided?", "");
        if (reason.isEmpty()) {
            return;
        }
        if (reason.get().isBlank()) {
            throw new RuleException("Say why the sale is voided; it was not voided.");
        }
        Optional<Staff> approval = session.manager("Voiding sale " + sale.number() + ".");
        if (approval.isEmpty()) {
            return;
        }
        SaleRecord voided = shop.sales().voidSale(sale.number(), reason.get(), approval.get());
        receipt.setText(Screens.receipt(voided, shop));
        find();
        status.info("Sale " + voided.number() + " voided; its goods are back in stock.");
    }

    private SaleRecord.Line line(int lineNo) {
        return sale.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst().orElseThrow();
    }

    private void showLines() {
        int selected = lines.getSelectionIndex();
        lines.removeAll();
        for (SaleRecord.Line line : sale.lines()) {
            int units = returnQuantity.getOrDefault(line.lineNo(), 0);
            TableItem item = new TableItem(lines, SWT.NONE);
            item.setData(line);
            item.setChecked(units > 0);
            item.setText(new String[] {String.valueOf(line.lineNo()), line.partNumber(), line.description(),
                    String.valueOf(line.quantity()), String.valueOf(line.returnedQuantity()),
                    units == 0 ? "" : String.valueOf(units),
                    units == 0 ? "" : backOnShelf.getOrDefault(line.lineNo(), true) ? "yes" : "no (damaged)",
                    units == 0 ? "" : money.format(line.refundFor(units))});
        }
        if (selected >= 0 && selected < lines.getItemCount()) {
            lines.setSelection(selected);
        }
        root.layout(true, true);
    }

    private String describe(SaleRecord s) {
        return (s.kind() == SaleRecord.Kind.RETURN ? "Return " : "Sale ") + s.number() + " — "
                + Screens.when(s.completedAt()) + " by " + s.staffName() + " — total "
                + money.formatWithCode(s.totalMinor()) + " — " + s.status().name().toLowerCase()
                + (s.voidReason() == null ? "" : " (" + s.voidReason() + ")");
    }
}
