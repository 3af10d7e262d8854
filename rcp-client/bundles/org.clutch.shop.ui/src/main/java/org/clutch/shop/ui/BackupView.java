package org.clutch.shop.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.clutch.shop.backup.BackupException;
import org.clutch.shop.backup.BackupRecord;
import org.clutch.shop.backup.BackupSettings;
import org.clutch.shop.backup.Backups;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Backups of the shop's books: when the last good one was made and any trouble, where they go (a USB disk or a
 * network share), how many are kept and the passphrase that encrypts them, "Back up now", the backups in the folder,
 * and restoring one. Managers only change or restore; a restore is checked whole, then the desktop closes and the
 * next start opens the restored shop, the current data kept aside.
 */
public final class BackupView {

    private final ShopSession session;
    private final DailyBackups daily;
    private final Runnable closeDesktop;
    private final Composite root;
    private final StatusLine status;
    private final Label health;
    private final Label failure;
    private final Text folder;
    private final Text keep;
    private final Text passphrase;
    private final Text repeat;
    private final Table files;
    private final List<Button> managerOnly;
    private final Label managersNote;
    private List<BackupRecord> shown = List.of();

    public BackupView(Composite parent, ShopSession session, DailyBackups daily, Runnable closeDesktop) {
        this.session = session;
        this.daily = daily;
        this.closeDesktop = closeDesktop;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        status = new StatusLine(root, 1);

        Group state = new Group(root, SWT.NONE);
        state.setText("The shop's backups");
        state.setLayout(new GridLayout(2, false));
        state.setLayoutData(Screens.wide(1));
        health = Screens.label(state, "", "backup-health");
        health.setLayoutData(Screens.wide(1));
        Button now = Screens.button(state, "Back up now", "backup-now", this::backUpNow, status);
        failure = Screens.label(state, "", "backup-failure");
        failure.setLayoutData(Screens.wide(2));

        Group where = new Group(root, SWT.NONE);
        where.setText("Where backups go (a USB disk or a network share), encrypted with a passphrase");
        where.setLayout(new GridLayout(3, false));
        where.setLayoutData(Screens.wide(1));
        new Label(where, SWT.NONE).setText("Folder");
        folder = new Text(where, SWT.BORDER);
        folder.setData("name", "backup-folder");
        folder.setLayoutData(Screens.wide(1));
        Button choose = Screens.button(where, "Choose…", "backup-choose-folder", this::chooseFolder, status);
        keep = field(where, "Backups kept", "backup-keep", SWT.BORDER);
        passphrase = field(where, "New passphrase", "backup-passphrase", SWT.BORDER | SWT.PASSWORD);
        repeat = field(where, "Passphrase again", "backup-passphrase-again", SWT.BORDER | SWT.PASSWORD);
        new Label(where, SWT.NONE);
        Button save = Screens.button(where, "Save", "backup-save", this::save, status);
        managersNote = Screens.label(where, "", "backup-manager-only");
        managersNote.setLayoutData(Screens.wide(1));

        Label list = new Label(root, SWT.NONE);
        list.setText("Backups in the folder, newest first");
        files = Screens.table(root, "backup-files", SWT.SINGLE | SWT.FULL_SELECTION, "Made:140", "Shop:180",
                "Size:90:r", "File:520");
        files.setLayoutData(Screens.fill(1));
        Composite restoring = new Composite(root, SWT.NONE);
        restoring.setLayout(new GridLayout(2, false));
        Button restoreSelected = Screens.button(restoring, "Restore selected…", "backup-restore-selected",
                this::restoreSelected, status);
        Button restoreOther = Screens.button(restoring, "Restore from another file…", "backup-restore-file",
                this::restoreFromFile, status);
        managerOnly = List.of(now, choose, save, restoreSelected, restoreOther);

        Runnable onChange = () -> root.getDisplay().asyncExec(() -> {
            if (!root.isDisposed()) {
                refresh();
            }
        });
        daily.onChange(onChange);
        root.addListener(SWT.Dispose, e -> daily.removeOnChange(onChange));
        Screens.followSignIn(root, session, this::showFor);
        showSettings();
        refresh();
    }

    public Composite control() {
        return root;
    }

    private static Text field(Composite parent, String caption, String name, int style) {
        new Label(parent, SWT.NONE).setText(caption);
        Text text = new Text(parent, style);
        text.setData("name", name);
        text.setLayoutData(Screens.wide(2));
        return text;
    }

    private Backups backups() {
        return daily.backups();
    }

    private void showSettings() {
        BackupSettings settings = backups().settings();
        folder.setText(settings.folder().map(Path::toString).orElse(""));
        keep.setText(String.valueOf(settings.keep()));
        passphrase.setMessage(settings.hasPassphrase() ? "(unchanged)" : "10 characters or more");
    }

    private void refresh() {
        daily.look(root.getDisplay(), true, state -> {
            if (root.isDisposed()) {
                return;
            }
            BackupStatusLine.show(health, state.health());
            failure.setText(state.failure().map(why -> "The last backup failed: " + why).orElse(""));
            shown = state.files();
            files.removeAll();
            for (BackupRecord backup : shown) {
                new TableItem(files, SWT.NONE).setText(new String[] {Screens.when(backup.createdAt()), backup.shopName(),
                        megabytes(backup.bytes()), backup.file().getFileName().toString()});
            }
            root.layout(true, true);
        });
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_000_000.0);
    }

    /** Managers change and restore; everyone sees how the backups stand. */
    private void showFor(Staff staff) {
        boolean manager = staff.isManager();
        managerOnly.forEach(b -> b.setEnabled(manager));
        for (Text field : new Text[] {folder, keep, passphrase, repeat}) {
            field.setEnabled(manager);
        }
        managersNote.setText(manager ? "" : "Only a manager changes, makes or restores backups.");
        root.layout(true, true);
    }

    private void chooseFolder() {
        session.prompter().chooseFolder("Where backups go").ifPresent(chosen -> folder.setText(chosen.toString()));
    }

    private void save() {
        char[] typed = passphrase.getText().toCharArray();
        char[] again = repeat.getText().toCharArray();
        if (!Arrays.equals(typed, again)) {
            throw new BackupException("The two passphrases differ; type the same one twice.");
        }
        if (folder.getText().isBlank()) {
            throw new BackupException("Choose the folder backups go to.");
        }
        backups().configure(Path.of(folder.getText().trim()), Screens.wholeNumber(keep.getText(), "The number of backups kept is a whole number, like 14."),
                typed.length == 0 ? null : typed, session.staff());
        passphrase.setText("");
        repeat.setText("");
        showSettings();
        daily.changed();
        status.info("Saved. Backups go to " + folder.getText().trim() + " and are made daily by themselves."
                + (typed.length == 0 ? "" : " Keep the passphrase somewhere safe: without it no backup can be restored."));
    }

    private void backUpNow() {
        Staff manager = session.staff();
        manager.requireManager("back up the shop");
        status.info("Backing up…");
        status.inBackground("backup", "Not backed up: ", () -> daily.backUpNow(manager),
                made -> status.info("Backed up to " + made.file() + " (" + megabytes(made.bytes()) + ")."));
    }

    private void restoreSelected() {
        int index = files.getSelectionIndex();
        if (index < 0 || index >= shown.size()) {
            throw new BackupException("Choose a backup in the list first.");
        }
        restore(shown.get(index).file());
    }

    private void restoreFromFile() {
        session.prompter().chooseFile("Backup to restore", false, null).ifPresent(this::restore);
    }

    private void restore(Path file) {
        Staff manager = session.staff();
        manager.requireManager("restore a backup");
        Optional<BackupRecord> described = Backups.list(file.getParent()).stream().filter(b -> b.file().equals(file)).findFirst();
        String which = described.map(b -> "the backup of " + b.shopName() + " made " + Screens.when(b.createdAt()))
                .orElse(file.getFileName().toString());
        if (!session.prompter().confirm("Restore a backup", "Restore " + which + "?\n\n"
                + "Everything recorded on this computer after that moment will be gone from this desktop; what was synced "
                + "stays at head office. The shop's current data is kept aside, not deleted.\n\n"
                + "Clutch shop closes when the backup has been checked, and opens the restored shop when you start it again.")) {
            return;
        }
        Optional<char[]> secret = session.prompter().askSecret("Restore a backup", "The passphrase of this backup:");
        if (secret.isEmpty() || !session.mayLeave("restore a backup")) {
            return;
        }
        status.info("Checking the backup…");
        status.inBackground("restore", "Not restored: ", () -> backups().prepareRestore(file, secret.get(), manager),
                restored -> {
                    session.prompter().choose("Restore a backup", "Checked: " + restored + " opens when Clutch shop starts "
                            + "again. Clutch shop closes now; start it again to continue.", "Close Clutch shop");
                    closeDesktop.run();
                });
    }
}
