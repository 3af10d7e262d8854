package org.clutch.shop.ui;

import java.util.function.Consumer;
import java.util.function.Function;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.exchange.Progress;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * Long work (imports, exports, later sync) as an Eclipse Job, so the screen stays responsive: a progress bar
 * and a cancel button on the screen follow the job, and its result or error comes back on the UI thread.
 */
final class BackgroundWork {

    private final Composite row;
    private final Label task;
    private final ProgressBar bar;
    private final Button cancel;
    private final StatusLine status;
    private Job running;

    BackgroundWork(Composite parent, StatusLine status, int columns) {
        this.status = status;
        row = new Composite(parent, SWT.NONE);
        row.setLayout(new GridLayout(3, false));
        row.setLayoutData(Screens.wide(columns));
        task = Screens.label(row, "", "job-task");
        task.setLayoutData(new GridData(320, SWT.DEFAULT));
        bar = new ProgressBar(row, SWT.SMOOTH);
        bar.setData("name", "job-progress");
        bar.setLayoutData(Screens.wide(1));
        cancel = new Button(row, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setData("name", "job-cancel");
        cancel.addListener(SWT.Selection, e -> {
            if (running != null) {
                running.cancel();
            }
        });
        idle();
    }

    boolean isRunning() {
        return running != null;
    }

    /** Starts {@code work} in the background; {@code done} gets its result on the UI thread. */
    <T> void start(String name, Function<Progress, T> work, Consumer<T> done) {
        if (running != null) {
            throw new RuleException("Wait for \"" + running.getName() + "\" to finish.");
        }
        task.setText(name);
        bar.setSelection(0);
        bar.setMaximum(1);
        cancel.setEnabled(true);
        row.setVisible(true);
        running = Job.create(name, (IJobFunction) monitor -> {
            SubMonitor sub = SubMonitor.convert(monitor, name, 1);
            Progress progress = new Progress() {
                @Override
                public void started(String taskName, int totalUnits) {
                    sub.setTaskName(taskName);
                    sub.setWorkRemaining(Math.max(1, totalUnits));
                    ui(() -> {
                        task.setText(taskName);
                        bar.setMaximum(Math.max(1, totalUnits));
                        bar.setSelection(0);
                    });
                }

                @Override
                public void advanced(int units) {
                    sub.worked(units);
                    ui(() -> bar.setSelection(bar.getSelection() + units));
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCanceled();
                }
            };
            try {
                T result = work.apply(progress);
                ui(() -> {
                    idle();
                    done.accept(result);
                });
            } catch (RuleException | IllegalArgumentException e) {
                ui(() -> {
                    idle();
                    status.error(e.getMessage());
                });
            } catch (RuntimeException e) {
                // anything else (a full disk, a database error) still ends the job and is said on the screen
                ui(() -> {
                    idle();
                    status.error(name + " failed: " + e.getMessage());
                });
                return Status.error(name + " failed", e);
            }
            return Status.OK_STATUS;
        });
        running.setUser(true);
        running.schedule();
    }

    private void idle() {
        running = null;
        cancel.setEnabled(false);
        row.setVisible(false);
    }

    private void ui(Runnable update) {
        if (!row.isDisposed()) {
            row.getDisplay().asyncExec(() -> {
                if (!row.isDisposed()) {
                    status.run(update);
                }
            });
        }
    }
}
