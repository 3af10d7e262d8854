package org.clutch.shop.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.clutch.shop.backup.BackupHealth;
import org.clutch.shop.backup.BackupRecord;
import org.clutch.shop.backup.Backups;
import org.clutch.shop.staff.Staff;
import org.eclipse.swt.widgets.Display;

/**
 * The daily backup, made by itself: looked at a minute after sign-in and then every hour, made when the last good
 * one is a day old. A failure is kept by the backups as the last failure, which the status bar and the Backups
 * screen show. Listeners hear each attempt, by itself or by hand.
 */
public final class DailyBackups {

    private final Backups backups;
    private final ScheduledExecutorService timer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private DailyBackups(Backups backups, ScheduledExecutorService timer) {
        this.backups = backups;
        this.timer = timer;
    }

    public static DailyBackups start(Backups backups) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("daily backup").factory());
        DailyBackups daily = new DailyBackups(backups, timer);
        timer.scheduleWithFixedDelay(daily::backUpIfDue, 1, 60, TimeUnit.MINUTES);
        return daily;
    }

    public Backups backups() {
        return backups;
    }

    /** "Back up now", by a manager. */
    public BackupRecord backUpNow(Staff manager) {
        try {
            return backups.backUpNow(manager);
        } finally {
            changed();
        }
    }

    /** How the backups stand: the health, the last failure if newer than the last good backup, and the files. */
    public record State(BackupHealth health, Optional<String> failure, List<BackupRecord> files) {
    }

    /**
     * Looks at the backups off the UI thread (the folder may be a network share that is slow to answer) and hands
     * what it found to {@code show} on the UI thread; {@code withFiles} also reads the folder's backups.
     */
    public void look(Display display, boolean withFiles, Consumer<State> show) {
        Thread.ofPlatform().daemon().name("look at backups").start(() -> {
            State state = new State(backups.health(), backups.lastFailure(), withFiles ? backups.inFolder() : List.of());
            display.asyncExec(() -> show.accept(state));
        });
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void removeOnChange(Runnable listener) {
        listeners.remove(listener);
    }

    /** Settings or the folder changed: listeners look again. */
    public void changed() {
        listeners.forEach(Runnable::run);
    }

    public void stop() {
        timer.shutdownNow();
    }

    private void backUpIfDue() {
        try {
            backups.backUpIfDue();
        } catch (RuntimeException e) {
            // kept as the backups' last failure, which the screens show
        }
        changed();
    }
}
