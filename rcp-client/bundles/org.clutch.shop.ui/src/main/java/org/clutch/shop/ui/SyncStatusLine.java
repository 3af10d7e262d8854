package org.clutch.shop.ui;

import java.time.ZoneId;
import java.util.function.Consumer;

import org.clutch.shop.sync.SyncState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

/**
 * The sync state at the bottom of the window, on every screen: online or offline, what waits, the last sync, and
 * the last problem as its tooltip; while a backlog goes out, how far it got.
 */
public final class SyncStatusLine {

    private final Label label;

    public SyncStatusLine(Composite parent, SyncJob sync) {
        label = new Label(parent, SWT.NONE);
        label.setData("name", "sync-status");
        Display display = parent.getDisplay();
        Consumer<SyncState> onState = state -> display.asyncExec(() -> show(state));
        SyncJob.Sending onSending = (done, total) -> display.asyncExec(() -> {
            if (!label.isDisposed()) {
                label.setText(SyncStatusText.sending(done, total));
                label.requestLayout();
            }
        });
        sync.agent().onChange(onState);
        sync.onSending(onSending);
        label.addListener(SWT.Dispose, e -> {
            sync.agent().removeOnChange(onState);
            sync.removeOnSending(onSending);
        });
        show(sync.agent().state());
        // again once the window is laid out: a trim bar sized before it had text stays empty until told to grow
        display.asyncExec(() -> show(sync.agent().state()));
    }

    private void show(SyncState state) {
        if (label.isDisposed()) {
            return;
        }
        label.setText(SyncStatusText.summary(state, ZoneId.systemDefault()));
        label.setToolTipText(state.problem() == null ? null
                : state.problem() + " (" + SyncStatusText.when(state.problemAt(), ZoneId.systemDefault()) + ")");
        label.setForeground(label.getDisplay().getSystemColor(
                state.status() == SyncState.Status.OFFLINE ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GREEN));
        label.requestLayout(); // up to the window: the trim bar grows to fit the first text
    }

    public Label control() {
        return label;
    }
}
