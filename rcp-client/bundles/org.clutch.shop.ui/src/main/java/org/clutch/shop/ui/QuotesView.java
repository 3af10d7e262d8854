package org.clutch.shop.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import org.clutch.shop.marketplace.IncomingRequest;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * Parts requests the marketplace sent this shop to quote, as they arrive (at once while online; what came while
 * offline when the desktop reconnects), with the parts asked for the one selected. Quoting from here is not built
 * yet: the shop quotes them on the marketplace.
 */
public final class QuotesView {

    private final SyncJob sync;
    private final Composite root;
    private final StatusLine status;
    private final Table requests;
    private final Table lines;
    private List<IncomingRequest> shown = List.of();

    public QuotesView(Composite parent, SyncJob sync) {
        this.sync = sync;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        status = new StatusLine(root, 1);
        SashForm split = new SashForm(root, SWT.VERTICAL);
        split.setLayoutData(Screens.fill(1));
        requests = Screens.table(split, "incoming-requests", SWT.SINGLE, "Received:90", "Vehicle:260", "VIN:170",
                "Parts:60:r", "Distance:90:r", "Expires:90");
        lines = Screens.table(split, "request-lines", SWT.SINGLE, "#:40:r", "Part:300", "Part number:160", "Qty:60:r",
                "Notes:400");
        split.setWeights(3, 2);
        requests.addListener(SWT.Selection, e -> showLines());

        Consumer<IncomingRequest> onIncoming = request -> root.getDisplay().asyncExec(() -> {
            if (!root.isDisposed()) {
                refresh();
                status.info("New request to quote: " + request.vehicle() + ", " + request.lines().size() + " part(s).");
            }
        });
        sync.agent().onIncoming(onIncoming);
        root.addListener(SWT.Dispose, e -> sync.agent().removeOnIncoming(onIncoming));
        refresh();
    }

    public Composite control() {
        return root;
    }

    private void refresh() {
        ZoneId zone = ZoneId.systemDefault();
        shown = sync.agent().requests().open();
        requests.removeAll();
        for (IncomingRequest request : shown) {
            TableItem row = new TableItem(requests, SWT.NONE);
            row.setText(new String[] {SyncStatusText.when(request.receivedAt(), zone), request.vehicle(),
                    request.vin() == null ? "" : request.vin(), String.valueOf(request.lines().size()),
                    request.distanceKm().setScale(1, java.math.RoundingMode.HALF_UP) + " km",
                    SyncStatusText.when(request.expiresAt(), zone)});
        }
        if (shown.isEmpty()) {
            status.info("No requests to quote right now. They appear here as the marketplace sends them.");
        } else {
            requests.select(0);
        }
        showLines();
    }

    private void showLines() {
        lines.removeAll();
        int selected = requests.getSelectionIndex();
        if (selected < 0 || selected >= shown.size()) {
            return;
        }
        for (IncomingRequest.Line line : shown.get(selected).lines()) {
            TableItem row = new TableItem(lines, SWT.NONE);
            row.setText(new String[] {String.valueOf(line.lineNo()), line.name(),
                    line.partNumber() == null ? "" : line.partNumber(), String.valueOf(line.quantity()),
                    line.notes() == null ? "" : line.notes()});
        }
    }
}
