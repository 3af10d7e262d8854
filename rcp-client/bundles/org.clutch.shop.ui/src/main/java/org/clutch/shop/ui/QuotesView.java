package org.clutch.shop.ui;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.clutch.shop.Shop;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.marketplace.IncomingRequest;
import org.clutch.shop.marketplace.LocalQuote;
import org.clutch.shop.marketplace.MarketplaceOrder;
import org.clutch.shop.marketplace.QuoteDraft;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.sync.SyncState;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Parts requests the marketplace sent this shop to quote, as they arrive (at once while online; what came while
 * offline when the desktop reconnects), and the shop's quote on the one selected: started from the shelf (a known
 * part number with enough stock is offered at the shop's price), adjusted line by line, and sent. Offline, the quote
 * waits and goes with the next sync; what the marketplace says of it (taken, refused because the request expired
 * meanwhile, accepted, declined) shows in the list. Below, the shop's marketplace orders with the parts each holds
 * aside.
 */
public final class QuotesView {

    private final ShopSession session;
    private final Shop shop;
    private final ShopCurrency money;
    private final SyncJob sync;
    private final Composite root;
    private final StatusLine status;
    private final Table requests;
    private final Table lines;
    private final Table orders;
    private final Button orderStep;
    private final Label orderNote;
    private final List<MarketplaceOrder> shownOrders = new ArrayList<>();
    private final Button offer;
    private final Text unitPrice;
    private final Text freight;
    private final Text etaHours;
    private final Text validHours;
    private final Text notes;
    private final Label total;
    private final Label quoteState;
    private List<IncomingRequest> shown = List.of();
    private IncomingRequest selected;
    private QuoteDraft draft;

    public QuotesView(Composite parent, ShopSession session, SyncJob sync) {
        this.session = session;
        this.shop = session.shop();
        this.money = shop.profile().currency();
        this.sync = sync;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        status = new StatusLine(root, 1);
        SashForm split = new SashForm(root, SWT.VERTICAL);
        split.setLayoutData(Screens.fill(1));
        requests = Screens.table(split, "incoming-requests", SWT.SINGLE, "Received:90", "Vehicle:240", "VIN:170",
                "Parts:50:r", "Distance:80:r", "Expires:90", "Your quote:110", "Total:110:r");
        Composite quote = new Composite(split, SWT.NONE);
        quote.setLayout(new GridLayout(2, false));
        Composite orderPane = new Composite(split, SWT.NONE);
        orderPane.setLayout(new GridLayout(3, false));
        orders = Screens.table(orderPane, "marketplace-orders", SWT.SINGLE, "Updated:90", "Order:100", "Vehicle:220",
                "Status:260", "Set aside:80:r", "Total:120:r", "Deliver to:400");
        orders.setLayoutData(Screens.fill(3));
        orderStep = Screens.button(orderPane, "Next step", "order-step", this::takeOrderStep, status);
        orderStep.setEnabled(false);
        orderNote = new Label(orderPane, SWT.WRAP);
        orderNote.setData("name", "order-note");
        orderNote.setLayoutData(Screens.wide(2));
        orders.addListener(SWT.Selection, e -> showOrder());
        split.setWeights(16, 43, 17); // the quote pane as tall as its side needs, the orders below

        lines = Screens.table(quote, "request-lines", SWT.SINGLE, "#:40:r", "Part:240", "Part number:140", "Qty:50:r",
                "On shelf:70:r", "Offer:60", "Unit price:100:r", "Notes:240");
        lines.setLayoutData(Screens.fill(1));
        requests.addListener(SWT.Selection, e -> status.run(this::select));
        lines.addListener(SWT.Selection, e -> showLine());

        Composite side = new Composite(quote, SWT.NONE);
        side.setLayout(new GridLayout(1, false));
        GridData sideData = new GridData(SWT.FILL, SWT.FILL, false, true);
        sideData.widthHint = 330;
        side.setLayoutData(sideData);
        Group line = new Group(side, SWT.NONE);
        line.setText("Selected line");
        line.setLayout(new GridLayout(2, false));
        line.setLayoutData(Screens.wide(1));
        offer = new Button(line, SWT.CHECK);
        offer.setText("We can supply it");
        offer.setData("name", "line-offer");
        offer.setLayoutData(Screens.wide(2));
        unitPrice = Screens.field(line, "Unit price", "line-price");
        Screens.button(line, "Update line", "update-line", this::updateLine, status).setLayoutData(Screens.wide(2));

        Group terms = new Group(side, SWT.NONE);
        terms.setText("Quote");
        terms.setLayout(new GridLayout(2, false));
        terms.setLayoutData(Screens.wide(1));
        freight = Screens.field(terms, "Freight", "quote-freight");
        etaHours = Screens.field(terms, "Delivery in (hours)", "quote-eta");
        validHours = Screens.field(terms, "Prices hold (hours)", "quote-valid");
        notes = Screens.field(terms, "Note to customer", "quote-notes");
        total = Screens.label(terms, "", "quote-total");
        total.setLayoutData(Screens.wide(2));
        quoteState = new Label(terms, SWT.WRAP);
        quoteState.setData("name", "quote-state");
        GridData stateData = Screens.wide(2);
        stateData.widthHint = 300;
        quoteState.setLayoutData(stateData);
        Composite actions = new Composite(terms, SWT.NONE);
        actions.setLayout(new GridLayout(2, false));
        actions.setLayoutData(Screens.wide(2));
        Screens.button(actions, "Send quote", "send-quote", this::send, status);
        Screens.button(actions, "Refresh", "refresh-requests", this::refresh, status);

        Consumer<IncomingRequest> onIncoming = request -> root.getDisplay().asyncExec(() -> {
            if (!root.isDisposed()) {
                status.run(this::refresh);
                status.info(request.quote() != null && request.quote().status() != LocalQuote.Status.WAITING
                        ? "Quote for the " + request.vehicle() + ": " + describe(request.quote())
                        : "New request to quote: " + request.vehicle() + ", " + request.lines().size() + " part(s).");
            }
        });
        sync.agent().onIncoming(onIncoming);
        Consumer<MarketplaceOrder> onOrder = order -> root.getDisplay().asyncExec(() -> {
            if (!root.isDisposed()) {
                showOrders();
                status.info("Marketplace order " + order.number() + " for the " + order.vehicle() + ": "
                        + order.status().toLowerCase().replace('_', ' ') + ".");
            }
        });
        sync.agent().onOrder(onOrder);
        root.addListener(SWT.Dispose, e -> {
            sync.agent().removeOnIncoming(onIncoming);
            sync.agent().removeOnOrder(onOrder);
        });
        refresh();
    }

    public Composite control() {
        return root;
    }

    private void refresh() {
        ZoneId zone = ZoneId.systemDefault();
        UUID keep = selected == null ? null : selected.requestId();
        shown = sync.agent().requests().open();
        requests.removeAll();
        int index = 0;
        for (int i = 0; i < shown.size(); i++) {
            IncomingRequest request = shown.get(i);
            LocalQuote q = request.quote();
            TableItem row = new TableItem(requests, SWT.NONE);
            row.setText(new String[] {SyncStatusText.when(request.receivedAt(), zone), request.vehicle(),
                    request.vin() == null ? "" : request.vin(), String.valueOf(request.lines().size()),
                    request.distanceKm().setScale(1, RoundingMode.HALF_UP) + " km", SyncStatusText.when(request.expiresAt(), zone),
                    q == null ? "" : label(q.status()), q == null || q.total() == null ? "" : q.currency() + " " + q.total()});
            if (request.requestId().equals(keep)) {
                index = i;
            }
        }
        if (shown.isEmpty()) {
            status.info("No requests to quote right now. They appear here as the marketplace sends them.");
        } else {
            requests.select(index);
        }
        select();
        showOrders();
    }

    /** The shop's marketplace orders of the last month, with the parts each holds aside in the MARKETPLACE bin. */
    private void showOrders() {
        UUID before = selectedOrder().map(MarketplaceOrder::orderId).orElse(null);
        orders.removeAll();
        shownOrders.clear();
        shownOrders.addAll(sync.agent().orders().recent());
        for (MarketplaceOrder order : shownOrders) {
            TableItem row = new TableItem(orders, SWT.NONE);
            row.setText(new String[] {SyncStatusText.when(order.updatedAt(), ZoneId.systemDefault()), order.number(), order.vehicle(),
                    order.statusText(), String.valueOf(order.lines().stream().mapToInt(MarketplaceOrder.Line::reserved).sum()),
                    order.currency() + " " + order.total(), order.deliveryAddress()});
            if (order.orderId().equals(before)) {
                orders.setSelection(orders.getItemCount() - 1);
            }
        }
        showOrder();
    }

    private Optional<MarketplaceOrder> selectedOrder() {
        int index = orders.getSelectionIndex();
        return index < 0 || index >= shownOrders.size() ? Optional.empty() : Optional.of(shownOrders.get(index));
    }

    /** The selected order's next step on the button, and why the marketplace refused the last one, if it did. */
    private void showOrder() {
        Optional<MarketplaceOrder> order = selectedOrder();
        Optional<MarketplaceOrder.Step> next = order.filter(o -> o.requestedStep() == null).flatMap(MarketplaceOrder::nextStep);
        orderStep.setText(next.map(MarketplaceOrder.Step::action).orElse("Next step"));
        orderStep.setEnabled(next.isPresent());
        orderStep.getParent().layout(true);
        orderNote.setText(order.map(o -> o.stepRefusal() == null ? "" : "The marketplace did not take the last step: "
                + o.stepRefusal()).orElse(""));
    }

    /** Takes the selected order's next step; a shipment asks who carries it and the tracking number. */
    private void takeOrderStep() {
        MarketplaceOrder order = selectedOrder().orElseThrow(() -> new RuleException("Choose a marketplace order."));
        MarketplaceOrder.Step step = order.nextStep().orElseThrow(() -> new RuleException("Order " + order.number() + " is "
                + order.statusText() + "; there is no step left to take."));
        String carrier = null;
        String tracking = null;
        if (step == MarketplaceOrder.Step.SHIPPED) {
            Optional<String> who = session.prompter().askText("Ship " + order.number(), "Who carries the parts?", "");
            if (who.isEmpty()) {
                return;
            }
            carrier = who.get();
            tracking = session.prompter().askText("Ship " + order.number(), "Tracking number (if any):", "").orElse(null);
        }
        MarketplaceOrder taken = sync.agent().orders().takeStep(order.orderId(), step, carrier, tracking, session.staff());
        sync.syncSoon();
        showOrders();
        status.info("Order " + taken.number() + " is " + taken.statusText() + ".");
    }

    /** Shows the selected request's lines with the quote to start from. */
    private void select() {
        int index = requests.getSelectionIndex();
        selected = index < 0 || index >= shown.size() ? null : shown.get(index);
        draft = selected == null ? null : shop.quotes().draft(selected);
        if (draft != null) {
            freight.setText(money.plain(draft.freightMinor()));
            etaHours.setText(String.valueOf(draft.etaHours()));
            long hours = Math.max(1, Math.round(Duration.between(shop.clock().instant(), draft.validUntil()).toMinutes() / 60.0));
            validHours.setText(String.valueOf(hours));
            notes.setText(draft.notes() == null ? "" : draft.notes());
        }
        quoteState.setText(selected == null || selected.quote() == null ? "Not quoted yet." : describe(selected.quote()));
        showDraft(0);
    }

    private void showDraft(int selectLine) {
        lines.removeAll();
        total.setText("");
        if (draft == null) {
            return;
        }
        for (int i = 0; i < selected.lines().size(); i++) {
            IncomingRequest.Line asked = selected.lines().get(i);
            QuoteDraft.Line answer = draft.lines().get(i);
            TableItem row = new TableItem(lines, SWT.NONE);
            row.setText(new String[] {String.valueOf(asked.lineNo()), asked.name(),
                    asked.partNumber() == null ? "" : asked.partNumber(), String.valueOf(asked.quantity()), onShelf(asked),
                    answer.available() ? "Yes" : "No", answer.unitPriceMinor() == null ? "" : money.format(answer.unitPriceMinor()),
                    asked.notes() == null ? "" : asked.notes()});
        }
        total.setText("Total to the customer: " + money.formatWithCode(shop.quotes().totalMinor(draft, selected)));
        lines.select(Math.min(selectLine, selected.lines().size() - 1));
        showLine();
    }

    private String onShelf(IncomingRequest.Line asked) {
        if (asked.partNumber() == null) {
            return "";
        }
        return String.valueOf(shop.catalog().findByNumber(asked.partNumber()).stream().mapToInt(PartSummary::onHand).sum());
    }

    private void showLine() {
        int index = lines.getSelectionIndex();
        if (draft == null || index < 0) {
            return;
        }
        QuoteDraft.Line line = draft.lines().get(index);
        offer.setSelection(line.available());
        unitPrice.setText(line.unitPriceMinor() == null ? "" : money.plain(line.unitPriceMinor()));
    }

    private void updateLine() {
        int index = lines.getSelectionIndex();
        if (draft == null || index < 0) {
            status.error("Choose a line of the request first.");
            return;
        }
        boolean available = offer.getSelection();
        Long price = available ? money.parse(unitPrice.getText()) : null;
        draft = draft.withLine(index, new QuoteDraft.Line(draft.lines().get(index).requestLineId(), available, price));
        showDraft(index);
    }

    private void send() {
        if (draft == null) {
            status.error("Choose a request to quote first.");
            return;
        }
        long freightMinor = freight.getText().isBlank() ? 0 : money.parse(freight.getText());
        int eta = Screens.wholeNumber(etaHours.getText(), "Enter the delivery time in whole hours.");
        int valid = Screens.wholeNumber(validHours.getText(), "Enter how many hours the prices hold.");
        if (valid <= 0) {
            status.error("The prices must hold for at least an hour.");
            return;
        }
        QuoteDraft written = new QuoteDraft(draft.requestId(), draft.lines(), freightMinor, eta,
                shop.clock().instant().plus(Duration.ofHours(valid)), notes.getText().trim());
        IncomingRequest quoted = shop.quotes().submit(written, session.staff());
        refresh();
        status.info("Quote for the " + quoted.vehicle() + " saved: " + money.formatWithCode(shop.quotes().totalMinor(written, quoted))
                + (sync.agent().state().status() == SyncState.Status.ONLINE
                        ? ". Sending it to the customer now."
                        : ". The marketplace cannot be reached now; it goes with the next sync."));
    }

    private static String label(LocalQuote.Status status) {
        return switch (status) {
            case WAITING -> "Waiting to send";
            case SUBMITTED -> "Sent";
            case REFUSED -> "Refused";
            case WITHDRAWN -> "Withdrawn";
            case ACCEPTED -> "Accepted";
            case DECLINED -> "Declined";
        };
    }

    private static String describe(LocalQuote quote) {
        return label(quote.status()) + ". " + quote.detail();
    }
}
