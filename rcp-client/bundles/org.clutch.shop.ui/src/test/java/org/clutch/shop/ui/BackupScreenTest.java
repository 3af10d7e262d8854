package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.clutch.shop.Shop;
import org.clutch.shop.db.PendingRestore;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Backups screen and the status bar's backup state: a manager sets the folder and passphrase (mistyped ones are
 * refused), backs up now, sees the backup listed, and restores it, a wrong passphrase first; the desktop closes and
 * the next start opens the shop as it was at the backup. A clerk sees how backups stand and changes nothing.
 */
class BackupScreenTest {

    @TempDir
    Path directory;
    @TempDir
    Path usbDisk;

    private ScreenFixture ui;
    private DailyBackups daily;
    private final AtomicBoolean closed = new AtomicBoolean();

    @BeforeEach
    void open() {
        ui = new ScreenFixture(directory);
        ui.part("BP-100", "Brake pad set front", "4006633123457", 464000, 5);
        daily = DailyBackups.start(ui.shop.backups());
    }

    @AfterEach
    void close() {
        if (ui != null) {
            daily.stop();
            ui.close();
        }
    }

    @Test
    void aManagerSetsUpBacksUpAndRestoresAndTheNextStartOpensTheBackup() {
        new BackupView(ui.shell, ui.session(ui.manager), daily, () -> closed.set(true));
        BackupStatusLine statusBar = new BackupStatusLine(ui.shell, daily);
        ui.show();
        ui.waitFor(() -> statusBar.control().getText().equals("⚠ Backups are not set up"));

        ui.prompter.answer(usbDisk);
        ui.click("backup-choose-folder");
        ui.type("backup-passphrase", "correct horse battery");
        ui.type("backup-passphrase-again", "correct horse batery");
        ui.click("backup-save");
        assertEquals("The two passphrases differ; type the same one twice.", ui.status());
        ui.type("backup-passphrase", "short");
        ui.type("backup-passphrase-again", "short");
        ui.click("backup-save");
        assertEquals("The passphrase needs 10 characters or more.", ui.status());
        assertFalse(ui.shop.backups().settings().isSetUp(), "nothing refused was kept");

        ui.type("backup-passphrase", "correct horse battery");
        ui.type("backup-passphrase-again", "correct horse battery");
        ui.click("backup-save");
        assertTrue(ui.status().startsWith("Saved. Backups go to " + usbDisk), ui.status());
        ui.waitFor(() -> statusBar.control().getText().equals("⚠ No backup yet"));

        ui.click("backup-now");
        ui.waitFor(() -> ui.status().startsWith("Backed up to "));
        ui.waitFor(() -> statusBar.control().getText().startsWith("Backed up "));
        Table files = ui.find("backup-files");
        ui.waitFor(() -> files.getItemCount() == 1);
        assertTrue(files.getItem(0).getText(3).endsWith(".clutchbackup"), files.getItem(0).getText(3));

        ui.part("BD-200", "Brake disc", null, 780000, 2); // recorded after the backup
        files.select(0);
        ui.prompter.answer(true).answer("wrong passphrase");
        ui.click("backup-restore-selected");
        ui.waitFor(() -> ui.status().startsWith("Not restored: "));
        assertEquals("Not restored: The passphrase does not open this backup.", ui.status());
        assertFalse(closed.get(), "the desktop stays open");
        assertEquals(Optional.empty(), PendingRestore.waiting(directory));

        ui.prompter.answer(true).answer("correct horse battery").answer(0);
        ui.click("backup-restore-selected");
        ui.waitFor(closed::get);
        assertTrue(ui.prompter.asked.get(ui.prompter.asked.size() - 1).startsWith("Checked: the backup of "));
        assertTrue(PendingRestore.waiting(directory).isPresent());

        daily.stop();
        ui.close();
        ui = null;
        try (Shop restored = Shop.open(directory, Clock.systemDefaultZone())) {
            assertEquals(1, restored.catalog().count(), "the shop as it was at the backup");
            assertEquals(1, restored.catalog().findByNumber("BP-100").size());
        }
    }

    @Test
    void aClerkSeesHowBackupsStandAndChangesNothing() {
        new BackupView(ui.shell, ui.session(ui.clerk), daily, () -> closed.set(true));
        ui.show();
        assertEquals("Only a manager changes, makes or restores backups.", ui.<Label>find("backup-manager-only").getText());
        for (String button : new String[] {"backup-now", "backup-save", "backup-choose-folder", "backup-restore-selected",
                "backup-restore-file"}) {
            assertFalse(ui.<Button>find(button).isEnabled(), button);
        }
        Label health = ui.find("backup-health");
        ui.waitFor(() -> health.getText().equals("⚠ Backups are not set up"));
    }
}
