package org.clutch.shop.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.clutch.shop.sync.SyncState;

/** How the sync state reads on screen, the same in the status line and on the Sync screen. */
final class SyncStatusText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private SyncStatusText() {
    }

    /** One line: "Online · nothing waiting · last sync 10:42:05", "Offline · 312 changes waiting · last sync …". */
    static String summary(SyncState state, ZoneId zone) {
        String headline = switch (state.status()) {
            case ONLINE -> "Online";
            case OFFLINE -> "Offline";
            case STARTING -> "Connecting to the marketplace";
            case NOT_SET_UP -> "Sync not set up (working offline)";
        };
        String waiting = state.waiting() == 0 ? "nothing waiting"
                : String.format("%,d %s waiting", state.waiting(), state.waiting() == 1 ? "change" : "changes");
        String last = state.lastSuccess() == null ? "not synced yet" : "last sync " + when(state.lastSuccess(), zone);
        return headline + " · " + waiting + " · " + last;
    }

    static String sending(int done, int total) {
        return String.format("Sending %,d of %,d changes…", done, total);
    }

    static String when(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        return (local.toLocalDate().equals(LocalDate.now(zone)) ? TIME : DAY_AND_TIME).format(local);
    }
}
