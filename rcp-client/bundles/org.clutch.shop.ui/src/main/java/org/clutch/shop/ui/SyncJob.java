package org.clutch.shop.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.exchange.Progress;
import org.clutch.shop.sync.SyncAgent;
import org.clutch.shop.sync.SyncRetry;
import org.clutch.shop.sync.SyncState;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Sync as an Eclipse Job: runs as soon as something is stored (a sale reaches the marketplace within the second
 * while online), otherwise every half minute. While the marketplace is out of reach it tries again as
 * {@link SyncRetry} says: four times a second at first, so a restarted broker finds the shop back moments after it
 * is, then less and less often up to once a minute. A connection lost between two runs starts those tries at once.
 */
public final class SyncJob extends Job {

    static final long ONLINE_CHECK_MS = 30_000;

    /** Told how far a sync run got: the status line shows "sending 1,200 of 10,300". */
    public interface Sending {
        void sending(int done, int total);
    }

    private final SyncAgent agent;
    private final ShopDatabase database;
    private final Runnable onLocalChange = this::localChange;
    private final Consumer<SyncState> onStateChange = this::stateChanged;
    private final AtomicBoolean changedWhileRunning = new AtomicBoolean();
    private final List<Sending> sendingListeners = new CopyOnWriteArrayList<>();
    private final SyncRetry retry = new SyncRetry();
    private volatile boolean stopped;

    public SyncJob(SyncAgent agent, ShopDatabase database) {
        super("Sync with the marketplace");
        this.agent = agent;
        this.database = database;
        setSystem(true); // the status line shows it; no progress dialog for a background routine
    }

    public SyncAgent agent() {
        return agent;
    }

    /** Starts syncing now and after every stored change. */
    public void start() {
        database.onCommit(onLocalChange);
        agent.onChange(onStateChange);
        schedule();
    }

    /** Syncs now, whatever the state (the "Sync now" button, new settings). */
    public void syncSoon() {
        retry.reset();
        runNow();
    }

    public void onSending(Sending listener) {
        sendingListeners.add(listener);
    }

    public void removeOnSending(Sending listener) {
        sendingListeners.remove(listener);
    }

    private void localChange() {
        changedWhileRunning.set(true);
        if (agent.state().status() == SyncState.Status.ONLINE && getState() != RUNNING) {
            runNow();
        }
    }

    /** The connection dropped while the job waited for its next run: try again soon, not at the next check. */
    private void stateChanged(SyncState state) {
        if (state.status() == SyncState.Status.OFFLINE && getState() != RUNNING) {
            runIn(retry.next().toMillis());
        }
    }

    /**
     * Scheduling a job that sleeps until its next check has no effect (Eclipse Jobs): wake it instead, so a change
     * stored while online goes out at once, not at the next 30-second check.
     */
    private void runNow() {
        runIn(0);
    }

    private void runIn(long delayMs) {
        wakeUp(delayMs);
        schedule(delayMs);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        changedWhileRunning.set(false);
        SyncState state = agent.syncNow(new Progress() {
            private int total;
            private int done;

            @Override
            public void started(String task, int totalUnits) {
                total = totalUnits;
                monitor.beginTask(task, totalUnits);
                sendingListeners.forEach(l -> l.sending(0, total));
            }

            @Override
            public void advanced(int units) {
                done += units;
                monitor.worked(units);
                sendingListeners.forEach(l -> l.sending(done, Math.max(done, total)));
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCanceled();
            }
        });
        monitor.done();
        schedule(nextRunMs(state));
        return Status.OK_STATUS;
    }

    private long nextRunMs(SyncState state) {
        return switch (state.status()) {
            case ONLINE, STARTING -> {
                retry.reset();
                yield changedWhileRunning.get() ? 0 : ONLINE_CHECK_MS;
            }
            case OFFLINE -> retry.next().toMillis();
            case NOT_SET_UP -> SyncRetry.LONGEST.toMillis();
        };
    }

    @Override
    public boolean shouldSchedule() {
        return !stopped;
    }

    /** Stops syncing and closes the connection (the desktop is closing). */
    public void stop() {
        stopped = true;
        database.removeOnCommit(onLocalChange);
        agent.removeOnChange(onStateChange);
        cancel();
        try {
            join(5_000, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        agent.close();
    }
}
