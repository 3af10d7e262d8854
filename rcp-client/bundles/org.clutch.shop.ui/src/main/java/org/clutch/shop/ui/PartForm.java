package org.clutch.shop.ui;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.clutch.shop.catalog.CrossReference;
import org.clutch.shop.catalog.Fitment;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.ShopCurrency;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * A part's details as fields a person edits: numbers, prices, stock levels, and cross-references and fitment
 * one per line in the form catalog files use ({@code OEM:TOYOTA:04152-YZZA1}, {@code TOYOTA:COROLLA:2014-2019:1.8}).
 */
final class PartForm {

    private final ShopCurrency money;
    private final Group group;
    private final Text partNumber;
    private final Text brand;
    private final Text name;
    private final Text category;
    private final Text barcode;
    private final Text defaultBin;
    private final Text cost;
    private final Text price;
    private final Text minQty;
    private final Text maxQty;
    private final Text reorderPoint;
    private final Button taxable;
    private final Text crossReferences;
    private final Text fitments;

    PartForm(Composite parent, ShopCurrency money) {
        this.money = money;
        group = new Group(parent, SWT.NONE);
        group.setText("Part");
        group.setLayout(new GridLayout(4, false));
        GridData data = new GridData(SWT.FILL, SWT.FILL, false, true);
        data.widthHint = 560;
        group.setLayoutData(data);
        partNumber = Screens.field(group, "Part number", "part-number");
        brand = Screens.field(group, "Brand", "part-brand");
        name = Screens.field(group, "Name", "part-name");
        category = Screens.field(group, "Category", "part-category");
        barcode = Screens.field(group, "Barcode", "part-barcode");
        defaultBin = Screens.field(group, "Bin", "part-bin");
        cost = Screens.field(group, "Cost", "part-cost");
        price = Screens.field(group, "Price", "part-price");
        minQty = Screens.field(group, "Min", "part-min");
        maxQty = Screens.field(group, "Max", "part-max");
        reorderPoint = Screens.field(group, "Reorder at", "part-reorder-point");
        new Label(group, SWT.NONE);
        taxable = new Button(group, SWT.CHECK);
        taxable.setText("Taxable");
        taxable.setData("name", "part-taxable");
        crossReferences = list("Cross-references", "part-cross-references", "OEM:TOYOTA:04152-YZZA1, one per line");
        fitments = list("Fits", "part-fitment", "TOYOTA:COROLLA:2014-2019:1.8, one per line");
        clear();
    }

    private Text list(String caption, String widgetName, String hint) {
        new Label(group, SWT.NONE).setText(caption);
        Text text = new Text(group, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        text.setData("name", widgetName);
        text.setMessage(hint);
        // Tab moves on to the next field, as in every other box; Enter starts a new line
        text.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                e.doit = true;
            }
        });
        GridData data = Screens.wide(3);
        data.heightHint = 48;
        text.setLayoutData(data);
        return text;
    }

    Composite control() {
        return group;
    }

    /** Empties the form for a new part. */
    void clear() {
        for (Text text : List.of(partNumber, brand, name, category, barcode, cost, price, crossReferences, fitments)) {
            text.setText("");
        }
        defaultBin.setText("MAIN");
        minQty.setText("0");
        maxQty.setText("0");
        reorderPoint.setText("0");
        taxable.setSelection(true);
        group.setText("New part");
        partNumber.setFocus();
    }

    void show(Part part) {
        partNumber.setText(part.partNumber());
        brand.setText(part.brand());
        name.setText(part.name());
        category.setText(part.category());
        barcode.setText(part.barcode() == null ? "" : part.barcode());
        defaultBin.setText(part.defaultBin());
        cost.setText(money.plain(part.costMinor()));
        price.setText(money.plain(part.priceMinor()));
        minQty.setText(String.valueOf(part.minQty()));
        maxQty.setText(String.valueOf(part.maxQty()));
        reorderPoint.setText(String.valueOf(part.reorderPoint()));
        taxable.setSelection(part.taxable());
        crossReferences.setText(CrossReference.textOf(part.crossReferences(), "\n"));
        fitments.setText(Fitment.textOf(part.fitments(), "\n"));
        group.setText("Part " + part.brand() + " " + part.partNumber());
    }

    /** The part as entered; bad numbers are refused with the field named. The catalog checks the rest. */
    Part read(UUID id) {
        String bin = defaultBin.getText().trim().toUpperCase(Locale.ROOT);
        return new Part(id, partNumber.getText().trim(), brand.getText().trim(), name.getText().trim(),
                category.getText().trim(), barcode.getText().isBlank() ? null : barcode.getText().trim(),
                amount("Cost", cost), amount("Price", price), taxable.getSelection(), bin.isEmpty() ? "MAIN" : bin,
                level("Min", minQty), level("Max", maxQty), level("Reorder at", reorderPoint),
                CrossReference.parseAll(crossReferences.getText()), Fitment.parseAll(fitments.getText()));
    }

    private long amount(String caption, Text field) {
        try {
            return money.parse(field.getText());
        } catch (IllegalArgumentException e) {
            throw new RuleException(caption + ": " + e.getMessage());
        }
    }

    private static int level(String caption, Text field) {
        return field.getText().isBlank() ? 0 : Screens.wholeNumber(field.getText(), caption + ": enter a whole number.");
    }
}
