package org.clutch.shop.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.clutch.jms.CatalogFields;
import org.clutch.jms.CustomerFields;
import org.clutch.shop.Shop;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.headoffice.EditConflict;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.sync.SyncLogEntry;
import org.clutch.shop.sync.SyncSettings;
import org.clutch.shop.sync.SyncState;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Sync with the marketplace: where it stands (online or not, what waits, the last sync and the last problem), a
 * "Sync now", where the shop syncs to (a manager sets the shop's marketplace id, the broker address and the shop's
 * broker account), the fields of parts and customers this shop and head office both changed while apart (to keep as
 * they are or take the other value), and the sync log.
 */
public final class SyncView {

    private static final int LOG_LINES = 200;

    private final Shop shop;
    private final ShopSession session;
    private final Button save;
    private final Label managerOnly;
    private final SyncJob sync;
    private final Composite root;
    private final StatusLine status;
    private final Label summary;
    private final Label problem;
    private final Label marketplace;
    private final Text shopId;
    private final Text brokerUrl;
    private final Text user;
    private final Text password;
    private final Table log;
    private final Table conflicts;
    private List<EditConflict> shownConflicts = List.of();

    public SyncView(Composite parent, ShopSession session, SyncJob sync) {
        this.shop = session.shop();
        this.session = session;
        this.sync = sync;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        status = new StatusLine(root, 1);

        Group state = new Group(root, SWT.NONE);
        state.setText("Sync with the marketplace");
        state.setLayout(new GridLayout(2, false));
        state.setLayoutData(Screens.wide(1));
        summary = Screens.label(state, "", "sync-summary");
        summary.setLayoutData(Screens.wide(1));
        Screens.button(state, "Sync now", "sync-now", this::syncNow, status);
        problem = Screens.label(state, "", "sync-problem");
        problem.setLayoutData(Screens.wide(2));
        marketplace = Screens.label(state, "", "sync-marketplace-settings");
        marketplace.setLayoutData(Screens.wide(2));

        Group connection = new Group(root, SWT.NONE);
        connection.setText("Where this shop syncs");
        connection.setLayout(new GridLayout(2, false));
        connection.setLayoutData(Screens.wide(1));
        shopId = Screens.field(connection, "Marketplace shop id", "sync-shop-id");
        brokerUrl = Screens.field(connection, "Broker address", "sync-broker-url");
        user = Screens.field(connection, "Shop's broker user", "sync-user");
        new Label(connection, SWT.NONE).setText("Password");
        password = new Text(connection, SWT.BORDER | SWT.PASSWORD);
        password.setData("name", "sync-password");
        password.setLayoutData(Screens.wide(1));
        new Label(connection, SWT.NONE);
        Composite saving = new Composite(connection, SWT.NONE);
        saving.setLayout(new GridLayout(2, false));
        save = Screens.button(saving, "Save", "sync-save", this::save, status);
        save.setLayoutData(new GridData());
        managerOnly = Screens.label(saving, "Only a manager changes where the shop syncs.", "sync-manager-only");
        managerOnly.setLayoutData(new GridData());
        Screens.followSignIn(root, session, this::showFor);
        SyncSettings.load(shop.database()).ifPresent(saved -> {
            shopId.setText(saved.shopId().toString());
            brokerUrl.setText(saved.brokerUrl());
            user.setText(saved.user() == null ? "" : saved.user());
            password.setText(saved.password() == null ? "" : saved.password());
        });

        Group review = new Group(root, SWT.NONE);
        review.setText("Changed here and at head office while apart (the later edit was kept on both sides)");
        review.setLayout(new GridLayout(1, false));
        review.setLayoutData(Screens.wide(1));
        conflicts = Screens.table(review, "edit-conflicts", SWT.SINGLE, "When:110", "Of:230", "Field:90", "Kept:170",
                "Kept from:100", "Other value:170");
        GridData conflictsData = Screens.wide(1);
        conflictsData.heightHint = 110;
        conflicts.setLayoutData(conflictsData);
        Composite choices = new Composite(review, SWT.NONE);
        choices.setLayout(new GridLayout(2, false));
        Screens.button(choices, "Keep as it is", "conflict-keep", () -> review(false), status);
        Screens.button(choices, "Take the other value", "conflict-take-other", () -> review(true), status);

        log = Screens.table(root, "sync-log", SWT.SINGLE, "When:130", "What:80", "Changes:80:r", "Detail:700");
        log.setLayoutData(Screens.fill(1));

        Consumer<SyncState> onState = s -> root.getDisplay().asyncExec(() -> {
            if (!root.isDisposed()) {
                show(s);
            }
        });
        sync.agent().onChange(onState);
        root.addListener(SWT.Dispose, e -> sync.agent().removeOnChange(onState));
        show(sync.agent().state());
    }

    public Composite control() {
        return root;
    }

    private void syncNow() {
        sync.syncSoon();
        status.info("Syncing…");
    }

    private void save() {
        session.staff().requireManager("change where the shop syncs");
        UUID id;
        try {
            id = UUID.fromString(shopId.getText().trim());
        } catch (IllegalArgumentException e) {
            throw new RuleException("The marketplace shop id is the id the marketplace gave this shop, like 3f2c…-…; \""
                    + shopId.getText().trim() + "\" is not one.");
        }
        new SyncSettings(id, brokerUrl.getText().trim(), user.getText().trim(), password.getText()).save(shop.database());
        sync.syncSoon();
        status.info("Saved. Syncing with " + brokerUrl.getText().trim() + "…");
    }

    /** A manager may change where the shop syncs; a clerk sees the settings only. */
    private void showFor(Staff staff) {
        boolean manager = staff.isManager();
        save.setVisible(manager);
        ((GridData) save.getLayoutData()).exclude = !manager;
        managerOnly.setVisible(!manager);
        ((GridData) managerOnly.getLayoutData()).exclude = manager;
        for (Text field : new Text[] {shopId, brokerUrl, user, password}) {
            field.setEnabled(manager);
        }
        save.getParent().layout(true);
    }

    /** The selected conflict: keep what both sides kept, or take the value that lost (a new edit here). */
    private void review(boolean takeOther) {
        int index = conflicts.getSelectionIndex();
        if (index < 0 || index >= shownConflicts.size()) {
            status.error("Choose a field to review first.");
            return;
        }
        EditConflict conflict = shownConflicts.get(index);
        if (takeOther) {
            sync.agent().headOffice().keepOther(conflict.id(), session.staff());
            status.info(label(conflict.field()) + " of " + conflict.label() + " is now " + value(conflict.field(),
                    conflict.otherValue()) + "; head office gets it with the next sync.");
        } else {
            sync.agent().headOffice().keep(conflict.id(), session.staff());
            status.info(label(conflict.field()) + " of " + conflict.label() + " stays " + value(conflict.field(),
                    conflict.keptValue()) + ".");
        }
        showConflicts();
    }

    private void showConflicts() {
        ZoneId zone = ZoneId.systemDefault();
        shownConflicts = sync.agent().headOffice().open();
        conflicts.removeAll();
        for (EditConflict c : shownConflicts) {
            TableItem row = new TableItem(conflicts, SWT.NONE);
            row.setText(new String[] {SyncStatusText.when(c.detectedAt(), zone),
                    (c.subject() == EditConflict.Subject.CUSTOMER ? "Customer " : "Part ") + c.label(),
                    label(c.field()), value(c.field(), c.keptValue()),
                    c.keptFrom() == EditConflict.Side.HERE ? "this shop" : "head office", value(c.field(), c.otherValue())});
        }
        if (!shownConflicts.isEmpty()) {
            conflicts.select(0);
        }
    }

    private static String label(String field) {
        return switch (field) {
            case CatalogFields.PRICE -> "Price";
            case CatalogFields.COST -> "Cost";
            case CatalogFields.TAXABLE -> "Taxable";
            case CustomerFields.CREDIT_LIMIT -> "Credit limit";
            case CustomerFields.EMAIL -> "E-mail";
            default -> field.substring(0, 1).toUpperCase() + field.substring(1);
        };
    }

    private String value(String field, String stored) {
        if (stored == null) {
            return "(none)";
        }
        return switch (field) {
            case CatalogFields.PRICE, CatalogFields.COST, CustomerFields.CREDIT_LIMIT ->
                shop.profile().currency().format(Long.parseLong(stored));
            case CatalogFields.TAXABLE -> Boolean.parseBoolean(stored) ? "yes" : "no";
            default -> stored;
        };
    }

    private void show(SyncState state) {
        showConflicts();
        marketplace.setText(sync.agent().marketplaceSettings().current()
                .map(settings -> "On the marketplace: " + settings.summary() + ".")
                .orElse("The marketplace has not sent this shop's settings yet."));
        summary.setText(SyncStatusText.summary(state, ZoneId.systemDefault()));
        problem.setText(state.problem() == null ? ""
                : "Last problem (" + SyncStatusText.when(state.problemAt(), ZoneId.systemDefault()) + "): " + state.problem());
        problem.setToolTipText(state.problemDetail() == null ? null : "For whoever supports the shop: " + state.problemDetail());
        log.removeAll();
        for (SyncLogEntry entry : sync.agent().log().recent(LOG_LINES)) {
            TableItem row = new TableItem(log, SWT.NONE);
            row.setText(new String[] {SyncStatusText.when(entry.at(), ZoneId.systemDefault()), entry.kind().name().toLowerCase(),
                    entry.events() == 0 ? "" : String.format("%,d", entry.events()), entry.detail()});
        }
        root.layout(true, true);
    }
}
