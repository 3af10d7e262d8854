package org.clutch.shop.ui;

import org.clutch.shop.backup.BackupHealth;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

/**
 * The backup state at the bottom of the window, on every screen: when the shop was last backed up, in red when that
 * is two days or more ago, the folder cannot be reached, or backups are not set up.
 */
public final class BackupStatusLine {

    private final Label label;
    private final DailyBackups daily;

    public BackupStatusLine(Composite parent, DailyBackups daily) {
        this.daily = daily;
        Composite spaced = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout();
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.marginLeft = 16;
        spaced.setLayout(layout);
        label = new Label(spaced, SWT.NONE);
        label.setData("name", "backup-status");
        Display display = parent.getDisplay();
        Runnable onChange = () -> display.asyncExec(this::show);
        daily.onChange(onChange);
        label.addListener(SWT.Dispose, e -> daily.removeOnChange(onChange));
        show(); // its answer comes after the window is laid out, so the trim bar grows to fit it
    }

    private void show() {
        if (label.isDisposed()) {
            return;
        }
        daily.look(label.getDisplay(), false, state -> {
            if (label.isDisposed()) {
                return;
            }
            show(label, state.health());
            label.setToolTipText(state.failure().orElse(null));
            label.requestLayout();
        });
    }

    /** Says how the backups stand on {@code label}, in red when there is reason to worry. */
    static void show(Label label, BackupHealth health) {
        label.setText(text(health));
        label.setForeground(label.getDisplay().getSystemColor(health.isWorrying() ? SWT.COLOR_RED : SWT.COLOR_DARK_GREEN));
    }

    private static String text(BackupHealth health) {
        String when = health.lastGood().map(Screens::when).orElse(null);
        if (health.warning().isEmpty()) {
            return "Backed up " + when;
        }
        String warning = health.warning().get();
        return "⚠ " + warning + (when == null || warning.startsWith("Last backup") ? "" : " (last backup " + when + ")");
    }

    public Label control() {
        return label;
    }
}
