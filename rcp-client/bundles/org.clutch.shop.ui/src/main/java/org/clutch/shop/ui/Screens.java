package org.clutch.shop.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.clutch.shop.Shop;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.StorageException;
import org.clutch.shop.sales.Receipt;
import org.clutch.shop.sales.SaleRecord;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.ui.osgi.Devices;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;

/** Small helpers every screen uses, so they look and report alike. */
final class Screens {

    private Screens() {
    }

    static Button button(Composite parent, String text, String name, Runnable action, StatusLine status) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setData("name", name);
        button.addListener(SWT.Selection, e -> status.run(action));
        return button;
    }

    /** Shows who is signed in now and again each time someone signs in, for as long as {@code screen} is open. */
    static void followSignIn(Control screen, ShopSession session, Consumer<Staff> show) {
        show.accept(session.staff());
        Consumer<Staff> follow = staff -> {
            if (!screen.isDisposed()) {
                show.accept(staff);
            }
        };
        session.onSignIn(follow);
        screen.addListener(SWT.Dispose, e -> session.removeSignInListener(follow));
    }

    /** Runs {@code refresh} on the UI thread each time a device comes or goes, for as long as {@code screen} is open. */
    static void followDevices(Control screen, Devices devices, Runnable refresh) {
        Display display = screen.getDisplay();
        Runnable listener = () -> display.asyncExec(() -> {
            if (!screen.isDisposed()) {
                refresh.run();
            }
        });
        devices.onChange(listener);
        screen.addListener(SWT.Dispose, e -> devices.removeOnChange(listener));
    }

    static Table table(Composite parent, String name, int style, String... columns) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | style);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData("name", name);
        for (String column : columns) {
            String[] parts = column.split(":");
            TableColumn c = new TableColumn(table, parts.length > 2 && parts[2].equals("r") ? SWT.RIGHT : SWT.LEFT);
            c.setText(parts[0]);
            // at least as wide as the heading, so no heading is cut off whatever the font
            c.pack();
            c.setWidth(Math.max(c.getWidth(), Integer.parseInt(parts[1])));
            c.setData("laidOutWidth", c.getWidth());
        }
        return table;
    }

    /** Widens the columns to their longest cell so that nothing is cut off; never narrower than they were laid out. */
    static void fitColumns(Table table) {
        for (TableColumn column : table.getColumns()) {
            Object laidOut = column.getData("laidOutWidth");
            column.pack();
            if (laidOut instanceof Integer width && column.getWidth() < width) {
                column.setWidth(width);
            }
        }
    }

    static Label label(Composite parent, String text, String name) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        label.setData("name", name);
        return label;
    }

    /** A caption and a value shown at the right end of a two-column row (totals, change due). */
    static Label valueRow(Composite parent, String caption, String name) {
        new Label(parent, SWT.NONE).setText(caption);
        Label value = label(parent, "", name);
        value.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        return value;
    }

    /** A caption and a text field filling the rest of a two-column row. */
    static Text field(Composite parent, String caption, String name) {
        return field(parent, caption, name, SWT.BORDER);
    }

    /** The same with the text's own style (right-aligned amounts: {@code SWT.BORDER | SWT.RIGHT}). */
    static Text field(Composite parent, String caption, String name, int style) {
        new Label(parent, SWT.NONE).setText(caption);
        Text text = new Text(parent, style);
        text.setData("name", name);
        text.setLayoutData(wide(1));
        return text;
    }

    /** A tab holding one table. */
    static Table tab(TabFolder tabs, String title, String name, String... columns) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(title);
        Table table = table(tabs, name, SWT.SINGLE, columns);
        item.setControl(table);
        return table;
    }

    /** A whole number typed by a person; {@code problem} is what they are told when it is not one. */
    static int wholeNumber(String text, String problem) {
        String t = text.trim();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            if (t.matches("[-+]?\\d+")) {
                throw new RuleException(t + " is too large a number here.");
            }
            throw new RuleException(problem);
        }
    }

    static int wholeNumber(String text) {
        return wholeNumber(text, "\"" + text.trim() + "\" is not a whole number.");
    }

    /** "1 part", "3 parts": a count with its noun in the right number. */
    static String plural(int count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }

    /** "1 part matches", "3 parts match": the count, its noun and the verb that agrees with them. */
    static String plural(int count, String noun, String verbForOne, String verbForMany) {
        return plural(count, noun) + " " + (count == 1 ? verbForOne : verbForMany);
    }

    /** A count of 1 or more. */
    static int count(String text) {
        int value = wholeNumber(text);
        if (value <= 0) {
            throw new RuleException("Enter a whole number of 1 or more.");
        }
        return value;
    }

    static int modelYear(Text year) {
        return wholeNumber(year.getText(), "Enter the vehicle's model year.");
    }

    /** Receipts on screen are laid out like an 80 mm till roll. */
    static String receipt(SaleRecord sale, Shop shop) {
        return String.join("\n", Receipt.lines(sale, shop.profile(), 42, ZoneId.systemDefault()));
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A moment as the shop reads it, on this computer's clock: "2026-11-22 08:40". */
    static String when(Instant at) {
        return WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    static GridData fill(int columns) {
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.horizontalSpan = columns;
        return data;
    }

    static GridData wide(int columns) {
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.horizontalSpan = columns;
        return data;
    }

    /** The line at the bottom of a screen that says what just happened, or what went wrong and why. */
    static final class StatusLine {
        private final Label label;
        private boolean showsError;

        StatusLine(Composite parent, int columns) {
            label = new Label(parent, SWT.WRAP);
            label.setData("name", "status");
            label.setLayoutData(wide(columns));
        }

        void info(String message) {
            showsError = false;
            label.setForeground(label.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN));
            label.setText(message);
            label.getParent().layout(true, true);
        }

        void error(String message) {
            showsError = true;
            label.setForeground(label.getDisplay().getSystemColor(SWT.COLOR_RED));
            label.setText(message);
            label.getParent().layout(true, true);
        }

        String text() {
            return label.getText();
        }

        /**
         * Runs slow work (a device, a driver restarting) on a thread of its own so the screen stays responsive, then
         * hands its result to {@code done} on the UI thread; a failure is shown here after {@code failure}. Nothing
         * happens once the screen is closed.
         */
        <T> void inBackground(String threadName, String failure, Supplier<T> work, Consumer<T> done) {
            Display display = label.getDisplay();
            Thread.ofPlatform().daemon().name(threadName).start(() -> {
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException e) {
                    display.asyncExec(() -> {
                        if (!label.isDisposed()) {
                            error(failure + Objects.requireNonNullElse(e.getMessage(), e.toString()));
                        }
                    });
                    return;
                }
                display.asyncExec(() -> {
                    if (!label.isDisposed()) {
                        run(() -> done.accept(result));
                    }
                });
            });
        }

        /**
         * Runs an action; a refused rule or bad input is shown here instead of escaping as a crash. An error shown
         * before goes away when the next action starts, so it never stays after the problem is fixed.
         */
        void run(Runnable action) {
            if (showsError) {
                showsError = false;
                label.setText("");
            }
            try {
                action.run();
            } catch (RuleException | IllegalArgumentException e) {
                error(e.getMessage());
            } catch (StorageException e) {
                error("Not saved: " + e.getMessage());
            }
        }
    }
}
