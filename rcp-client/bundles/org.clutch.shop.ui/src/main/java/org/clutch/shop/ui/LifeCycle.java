package org.clutch.shop.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.clutch.jms.BrokerAccountNames;
import org.clutch.jms.client.ShopBroker;
import org.clutch.shop.Shop;
import org.clutch.shop.backup.Backups;
import org.clutch.shop.db.ShopInUseException;
import org.clutch.shop.demo.DemoShop;
import org.clutch.shop.staff.Role;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.sync.OutboxSender;
import org.clutch.shop.sync.SyncAgent;
import org.clutch.shop.sync.SyncSettings;
import org.clutch.shop.ui.osgi.DeviceSettings;
import org.clutch.shop.ui.osgi.Devices;
import org.clutch.shop.ui.osgi.EarlyOpening;
import org.clutch.shop.ui.osgi.StartupTimes;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Opens the shop's database and signs someone in before the window appears. The data directory is
 * {@code -Dclutch.shop.data} (default ~/.clutch-shop); {@code -Dclutch.shop.demo=true} fills an empty shop with the
 * demo catalog, suppliers, customers, two weeks of sales and some purchase orders, sets up the simulated receipt
 * printer and OBD reader, backs up to the data directory's backups folder, and syncs as the demo backend's Westlands shop with {@code bin/start-backend}'s broker; {@code -Dclutch.shop.user}/{@code .password} sign in without the dialog (screenshots, kiosks).
 */
public class LifeCycle {

    private static final UUID DEMO_BACKEND_SHOP = UUID.fromString("20000000-0000-0000-0000-000000000001");

    @PostContextCreate
    public void openShop(IEclipseContext context) {
        StartupTimes.mark("workbench ready for sign-in");
        Shop shop;
        try {
            shop = EarlyOpening.take(EarlyOpening.dataDirectory());
        } catch (ShopInUseException e) {
            MessageDialog.openInformation(new Shell(Display.getDefault()), "Clutch shop", e.getMessage());
            System.exit(0);
            return;
        }
        StartupTimes.mark("shop database open");
        AtomicReference<Shop> open = new AtomicReference<>(shop);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> open.get().close(), "close shop database"));
        if (Boolean.getBoolean("clutch.shop.demo")) {
            if (shop.catalog().count() == 0) {
                DemoShop.seedBusiness(shop, DemoShop.seed(shop, Integer.getInteger("clutch.shop.demo.parts", 400)));
            }
            DeviceSettings.useSimulatorsWhereUnset();
            DemoShop.setUpBackups(shop, shop.database().directory().resolve("backups"));
            if (SyncSettings.load(shop.database()).isEmpty()) {
                // the demo backend's Westlands shop (db/demo) with its demo broker account, on the broker bin/start-backend starts
                new SyncSettings(DEMO_BACKEND_SHOP, "tcp://127.0.0.1:61616", BrokerAccountNames.shopUser(DEMO_BACKEND_SHOP), "clutch-demo-westlands")
                        .save(shop.database());
            }
        }
        Shell shell = new Shell(Display.getDefault());
        if (shop.staff().isEmpty()) {
            shop = setUpNewShop(shell, open);
        }
        Optional<Staff> staff = signIn(shell, shop);
        if (staff.isEmpty()) {
            System.exit(0);
        }
        StartupTimes.mark("signed in");
        shell.dispose();
        context.set(ShopSession.class, new ShopSession(shop, staff.get(), new SwtPrompter(shop), Devices.tracked()));
        context.set(SyncJob.class, startSync(shop));
        DailyBackups backups = DailyBackups.start(shop.backups());
        Runtime.getRuntime().addShutdownHook(new Thread(backups::stop, "stop daily backups"));
        context.set(DailyBackups.class, backups);
    }

    /** Sync runs from sign-in to exit, over the desktop's embedded Artemis client. */
    private static SyncJob startSync(Shop shop) {
        SyncJob sync = new SyncJob(new SyncAgent(shop.database(), shop.clock(),
                settings -> ShopBroker.connectionFactory(settings.brokerUrl(), settings.user(), settings.password()),
                OutboxSender.DEFAULT_BATCH_SIZE), shop.database());
        sync.start();
        Runtime.getRuntime().addShutdownHook(new Thread(sync::stop, "stop sync"));
        return sync;
    }

    private static Optional<Staff> signIn(Shell shell, Shop shop) {
        String user = System.getProperty("clutch.shop.user");
        String password = System.getProperty("clutch.shop.password");
        if (user != null && password != null) {
            return shop.staff().login(user, password.toCharArray());
        }
        LoginDialog login = new LoginDialog(shell, shop.staff(), "Clutch shop — sign in", shop.profile().name());
        return login.open() == Window.OK ? Optional.of(login.staff()) : Optional.empty();
    }

    /**
     * A shop with no staff is new on this computer: its first manager creates an account, or restores the shop from a
     * backup (a new computer after the old one died). Returns the shop to go on with, also kept in {@code open}; quits
     * when nobody goes on.
     */
    private static Shop setUpNewShop(Shell shell, AtomicReference<Shop> open) {
        Shop current = open.get();
        while (current.staff().isEmpty()) {
            MessageDialog question = new MessageDialog(shell, "New shop", null,
                    "This shop has no staff yet. Create the manager's account for a new shop, or restore the shop from "
                            + "a backup (for example when this computer replaces one that broke).",
                    MessageDialog.QUESTION, 2, "Create the manager's account", "Restore a backup…", "Quit");
            int choice = question.open();
            if (choice == 0 && createFirstManager(shell, current)) {
                continue;
            }
            if (choice == 1) {
                Optional<String> restored = restoreBackup(shell, current.database().directory());
                if (restored.isPresent()) {
                    Path directory = current.database().directory();
                    current.close();
                    current = Shop.open(directory, Clock.systemDefaultZone());
                    open.set(current);
                    MessageDialog.openInformation(shell, "Restored", "Restored " + restored.get() + ". Sign in as you did before.");
                }
                continue;
            }
            if (choice != 0) {
                System.exit(0);
            }
        }
        return current;
    }

    /** A backup file and its passphrase, checked and staged; the shop's next opening swaps it in. */
    private static Optional<String> restoreBackup(Shell shell, Path dataDirectory) {
        FileDialog pick = new FileDialog(shell, SWT.OPEN);
        pick.setText("Backup to restore");
        pick.setFilterExtensions(new String[] {"*.clutchbackup", "*"});
        String file = pick.open();
        if (file == null) {
            return Optional.empty();
        }
        Optional<char[]> secret = SwtPrompter.askSecret(shell, "Restore a backup", "The passphrase of this backup:");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Backups.stage(dataDirectory, Path.of(file), secret.get()));
        } catch (RuntimeException e) {
            MessageDialog.openError(shell, "Not restored", e.getMessage());
            return Optional.empty();
        }
    }

    /** A new shop has no staff: the first person to open it becomes its manager. */
    private static boolean createFirstManager(Shell shell, Shop shop) {
        InputDialog name = new InputDialog(shell, "Manager", "Your name:", "", null);
        if (name.open() != Window.OK) {
            return false;
        }
        InputDialog username = new InputDialog(shell, "Manager", "User name:", "", null);
        if (username.open() != Window.OK) {
            return false;
        }
        InputDialog password = new InputDialog(shell, "Manager", "Password (6 characters or more):", "", null);
        if (password.open() != Window.OK) {
            return false;
        }
        shop.staff().create(username.getValue(), name.getValue(), Role.MANAGER, password.getValue().toCharArray());
        return true;
    }
}
