package org.clutch.shop.ui;

import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.devices.Label;
import org.clutch.shop.devices.LabelLayout;
import org.clutch.shop.devices.LabelPrinter;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * A shelf or part label for one part: the preview of what the label printer will print, how many, and printing
 * them off the UI thread. Without a label printer the preview shows the standard 2 x 1 inch label and says so.
 */
public final class LabelView {

    /** What the preview shows when no printer says otherwise: 2 x 1 inch at 203 dpi. */
    static final LabelLayout STANDARD = new LabelLayout(406, 203);

    private final ShopSession session;
    private final PartSummary part;
    private final Composite root;
    private final Canvas preview;
    private final Button withPrice;
    private final Text copies;
    private final org.eclipse.swt.widgets.Label printerState;
    private final StatusLine status;
    private Image image;

    public LabelView(Composite parent, ShopSession session, PartSummary part) {
        this.session = session;
        this.part = part;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(3, false));
        status = new StatusLine(root, 3);

        preview = new Canvas(root, SWT.BORDER | SWT.DOUBLE_BUFFERED);
        preview.setData("name", "label-preview");
        GridData previewData = new GridData(SWT.LEFT, SWT.TOP, false, false, 3, 1);
        previewData.widthHint = 610;
        previewData.heightHint = 305;
        preview.setLayoutData(previewData);
        preview.addPaintListener(e -> {
            if (image != null) {
                e.gc.drawImage(image, 0, 0);
            }
        });
        root.addListener(SWT.Dispose, e -> disposeImage());

        withPrice = new Button(root, SWT.CHECK);
        withPrice.setData("name", "label-with-price");
        withPrice.setText("Shelf label (with the price)");
        withPrice.setSelection(true);
        withPrice.addListener(SWT.Selection, e -> status.run(this::redraw));
        Screens.label(root, "Copies:", null);
        copies = new Text(root, SWT.BORDER);
        copies.setData("name", "label-copies");
        copies.setText("1");
        Screens.button(root, "Print", "print-label", this::print, status);
        printerState = Screens.label(root, "", "label-printer");
        printerState.setLayoutData(Screens.wide(2));
        Screens.followDevices(root, session.devices(), () -> status.run(this::redraw));
        status.run(this::redraw);
    }

    public Composite control() {
        return root;
    }

    /** The label as it stands: with the price formatted in the shop's currency, or without for a part bag. */
    Label label() {
        String price = withPrice.getSelection() ? session.shop().profile().currency().format(part.priceMinor()) : "";
        return new Label(part.partNumber(), part.name(), price, part.barcode());
    }

    LabelLayout layout() {
        return session.devices().labelPrinter().map(LabelPrinter::layout).orElse(STANDARD);
    }

    /** The preview as an image (a copy for the caller to dispose), as it is shown. */
    Image previewImage() {
        return LabelPreview.draw(root.getDisplay(), label(), layout());
    }

    private void redraw() {
        disposeImage();
        image = previewImage();
        preview.redraw();
        printerState.setText(session.devices().labelPrinter().map(p -> "Prints on: " + p.description())
                .orElse("No label printer: set one up in the device settings to print."));
    }

    private void print() {
        LabelPrinter printer = session.devices().labelPrinter().orElseThrow(() -> new IllegalArgumentException(
                "No label printer is set up: choose one in the device settings."));
        int count;
        try {
            count = Integer.parseInt(copies.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Copies must be a whole number from 1 to 999.");
        }
        if (count < 1 || count > 999) {
            throw new IllegalArgumentException("Copies must be a whole number from 1 to 999.");
        }
        Label label = label();
        status.info("Printing " + count + " label(s) for " + part.partNumber() + "…");
        status.inBackground("label printing", "The label printer did not print: ", () -> {
            printer.print(label, count);
            return count;
        }, printed -> status.info("Printed " + printed + " label(s) for " + part.partNumber() + "."));
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}
