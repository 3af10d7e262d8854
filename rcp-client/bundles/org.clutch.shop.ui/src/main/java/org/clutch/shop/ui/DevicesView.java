package org.clutch.shop.ui;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.clutch.shop.devices.Device;
import org.clutch.shop.devices.DeviceStatus;
import org.clutch.shop.devices.link.LinkSettings;
import org.clutch.shop.devices.link.Links;
import org.clutch.shop.sales.WedgeMarks;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.ui.Screens.StatusLine;
import org.clutch.shop.ui.osgi.DeviceSettings;
import org.clutch.shop.ui.osgi.DeviceSettings.Choice;
import org.clutch.shop.ui.osgi.DeviceSettings.Driver;
import org.clutch.shop.ui.osgi.DeviceSettings.Setting;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * The device settings page: every installed driver with where its device is and whether it answers, and for the
 * chosen one a form drawn from the driver's own description of its settings. Managers save and remove settings;
 * anyone may test a device. Choosing "Simulator" as the connection sets up the driver's simulator.
 */
public final class DevicesView {

    private final ShopSession session;
    private final Optional<DeviceSettings> settings;
    private final Composite root;
    private final Table drivers;
    private final Label missing;
    private final Group form;
    private final StatusLine status;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, Label> captions = new HashMap<>();
    private final Text wedgePrefix;
    private final Text wedgeSuffix;
    private List<Driver> shown = List.of();
    private Driver chosen;

    public DevicesView(Composite parent, ShopSession session) {
        this(parent, session, DeviceSettings.ofFramework());
    }

    DevicesView(Composite parent, ShopSession session, Optional<DeviceSettings> settings) {
        this.session = session;
        this.settings = settings;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(4, false));
        status = new StatusLine(root, 4);

        drivers = Screens.table(root, "drivers", SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER, "Device:250", "Set up as:560", "State:330");
        GridData tableData = Screens.wide(4);
        tableData.heightHint = 130;
        drivers.setLayoutData(tableData);
        drivers.addListener(SWT.Selection, e -> status.run(() -> choose(drivers.getSelectionIndex())));
        missing = Screens.label(root, "", "missing-drivers");
        missing.setLayoutData(Screens.wide(4));

        form = new Group(root, SWT.NONE);
        form.setData("name", "settings-form");
        form.setLayout(new GridLayout(2, false));
        form.setLayoutData(Screens.fill(4));

        Screens.button(root, "Save", "save-device", this::save, status);
        Screens.button(root, "Test", "test-device", this::test, status);
        Screens.button(root, "Stop using", "remove-device", this::remove, status);
        Screens.button(root, "Refresh", "refresh-devices", this::refresh, status);

        Group wedge = new Group(root, SWT.NONE);
        wedge.setText("Keyboard-wedge scanner (types into the till like a keyboard)");
        wedge.setLayout(new GridLayout(5, false));
        wedge.setLayoutData(Screens.wide(4));
        WedgeMarks marks = session.shop().tillSettings().wedgeMarks();
        new Label(wedge, SWT.NONE).setText("Prefix it sends before each code");
        wedgePrefix = new Text(wedge, SWT.BORDER);
        wedgePrefix.setData("name", "wedge-prefix");
        wedgePrefix.setText(marks.prefix());
        wedgePrefix.setMessage("none");
        new Label(wedge, SWT.NONE).setText("Suffix it sends after");
        wedgeSuffix = new Text(wedge, SWT.BORDER);
        wedgeSuffix.setData("name", "wedge-suffix");
        wedgeSuffix.setText(marks.suffix());
        wedgeSuffix.setMessage("none");
        Screens.button(wedge, "Save scanner marks", "save-wedge", this::saveWedgeMarks, status);
        Label wedgeHelp = new Label(wedge, SWT.WRAP);
        wedgeHelp.setText("Without marks, the till tells a scan from typing by the speed of the keys. Programme the"
                + " scanner to send a prefix (for example its symbology identifier, like ]E0) and enter it here to"
                + " make every scan certain.");
        GridData helpData = Screens.wide(5);
        helpData.widthHint = 900;
        wedgeHelp.setLayoutData(helpData);

        Screens.followDevices(root, session.devices(), () -> status.run(this::showStates));
        status.run(this::refresh);
    }

    public Composite control() {
        return root;
    }

    /** A manager saves the marks the shop's wedge scanners send; the tills use them from the next scan. */
    private void saveWedgeMarks() {
        WedgeMarks marks = new WedgeMarks(wedgePrefix.getText(), wedgeSuffix.getText());
        Staff manager = session.manager("Changing the scanner settings needs a manager.").orElse(null);
        if (manager == null) {
            return;
        }
        session.shop().tillSettings().changeWedgeMarks(marks, manager);
        status.info(marks.isConfigured() ? "Scans are now the codes between \"" + marks.prefix() + "\" and "
                + (marks.suffix().isEmpty() ? "Enter" : "\"" + marks.suffix() + "\"") + "."
                : "No scanner marks: scans are told from typing by the speed of the keys.");
    }

    /** Lists the drivers again (a bundle was installed or removed) and keeps the chosen one when it is still there. */
    void refresh() {
        if (settings.isEmpty()) {
            shown = List.of();
            missing.setText("Devices cannot be set up here: the desktop runs without its device framework.");
            showStates();
            return;
        }
        shown = settings.get().drivers();
        List<String> absent = DeviceSettings.missingFamilies(shown);
        missing.setText(absent.isEmpty() ? ""
                : "No driver installed for: " + String.join(", ", absent).toLowerCase(Locale.ROOT)
                        + ". The desktop works without them.");
        showStates();
        int index = chosen == null ? 0 : indexOf(chosen.pid());
        if (!shown.isEmpty()) {
            drivers.setSelection(Math.max(index, 0));
            choose(Math.max(index, 0));
        }
    }

    private int indexOf(String pid) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).pid().equals(pid)) {
                return i;
            }
        }
        return -1;
    }

    /** Each driver's line: its device as set up and whether it runs, answers, or was never set up. */
    private void showStates() {
        drivers.removeAll();
        for (Driver driver : shown) {
            TableItem item = new TableItem(drivers, SWT.NONE);
            Optional<Device> device = session.devices().configuredBy(driver.pid());
            boolean setUp = settings.get().isSetUp(driver.pid());
            item.setText(new String[] {driver.name(),
                    device.map(Device::description).orElse(setUp ? "(driver not running)" : "not set up"),
                    device.map(d -> state(d.status())).orElse(setUp ? "Not running: save its settings again" : "—")});
        }
        if (chosen != null && indexOf(chosen.pid()) >= 0) {
            drivers.setSelection(indexOf(chosen.pid()));
        }
    }

    private static String state(DeviceStatus status) {
        return switch (status.state()) {
            case CONNECTED -> "Connected";
            case DISCONNECTED -> "Ready (connects when used)";
            case ERROR -> "Problem: " + status.message();
        };
    }

    /** Draws the chosen driver's form with its saved values, or its defaults when it was never set up. */
    private void choose(int index) {
        if (index < 0 || index >= shown.size()) {
            return;
        }
        chosen = shown.get(index);
        for (Control child : form.getChildren()) {
            child.dispose();
        }
        fields.clear();
        captions.clear();
        form.setText(chosen.name() + " settings");
        Label help = new Label(form, SWT.WRAP);
        help.setText(chosen.help());
        help.setLayoutData(Screens.wide(2));
        Map<String, String> saved = settings.get().saved(chosen.pid());
        for (Setting setting : inFormOrder(chosen.settings())) {
            Label caption = Screens.label(form, setting.name() + ":", null);
            caption.setToolTipText(setting.help());
            captions.put(setting.id(), caption);
            Control field = field(setting, saved.getOrDefault(setting.id(), defaultOf(setting)));
            field.setToolTipText(setting.help());
            field.setData("name", "setting-" + setting.id());
            GridData data = new GridData(SWT.LEFT, SWT.CENTER, false, false);
            data.widthHint = 320;
            field.setLayoutData(data);
            fields.put(setting.id(), field);
        }
        fields.computeIfPresent("connection", (id, field) -> {
            field.addListener(SWT.Selection, e -> enableForConnection());
            return field;
        });
        enableForConnection();
        root.layout(true, true);
    }

    /** How to reach the device first (connection, then its details), then what the driver itself needs. */
    private static List<Setting> inFormOrder(List<Setting> settings) {
        Comparator<Setting> linkFirst = Comparator.comparingInt(s -> {
            int index = LinkSettings.KEYS.indexOf(s.id());
            return index < 0 ? LinkSettings.KEYS.size() : index;
        });
        return settings.stream().sorted(linkFirst).toList();
    }

    private static String defaultOf(Setting setting) {
        return setting.defaultValue() == null ? "" : setting.defaultValue();
    }

    /**
     * A list for a setting with fixed choices; a list that also takes typing for the serial port (the ports found
     * on this computer); a text box otherwise.
     */
    private Control field(Setting setting, String value) {
        if (!setting.choices().isEmpty()) {
            Combo combo = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
            if (!setting.required()) {
                combo.add("");
                combo.setData("value-0", "");
            }
            for (Choice choice : setting.choices()) {
                combo.setData("value-" + combo.getItemCount(), choice.value());
                combo.add(choice.label());
                if (choice.value().equals(value)) {
                    combo.select(combo.getItemCount() - 1);
                }
            }
            if (combo.getSelectionIndex() < 0) {
                combo.select(0);
            }
            return combo;
        }
        if (setting.id().equals("serialPort")) {
            Combo ports = new Combo(form, SWT.DROP_DOWN);
            Links.serialPorts().forEach(ports::add);
            ports.setText(value);
            return ports;
        }
        Text text = new Text(form, SWT.BORDER);
        text.setText(value);
        return text;
    }

    /** Only the link settings the chosen connection reads can be filled in. */
    private void enableForConnection() {
        String connection = entered().getOrDefault("connection", "simulator");
        List<String> used = LinkSettings.Kind.valueOf(connection.toUpperCase(Locale.ROOT)).keys();
        fields.forEach((id, field) -> {
            boolean enabled = !LinkSettings.KEYS.contains(id) || id.equals("connection") || used.contains(id);
            field.setEnabled(enabled);
            captions.get(id).setEnabled(enabled);
        });
    }

    /** What the form holds now, as text by setting id. */
    Map<String, String> entered() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((id, field) -> {
            if (field instanceof Combo combo && (combo.getStyle() & SWT.READ_ONLY) != 0) {
                values.put(id, String.valueOf(combo.getData("value-" + combo.getSelectionIndex())));
            } else if (field instanceof Combo combo) {
                values.put(id, combo.getText());
            } else {
                values.put(id, ((Text) field).getText());
            }
        });
        return values;
    }

    private Driver chosen() {
        if (chosen == null) {
            throw new IllegalArgumentException("Choose a device first.");
        }
        return chosen;
    }

    /** Checks and saves the form (managers only); the driver restarts with it, off the UI thread. */
    private void save() {
        Driver driver = chosen();
        Optional<Staff> manager = session.manager("Changing device settings needs a manager.");
        if (manager.isEmpty()) {
            status.error("Not saved: changing device settings needs a manager.");
            return;
        }
        Map<String, String> values = entered();
        markProblems(Map.of());
        status.info("Saving the " + driver.name().toLowerCase(Locale.ROOT) + " settings…");
        status.inBackground("save device settings", "", () -> {
            try {
                settings.get().save(driver, values);
                return Map.<String, String>of();
            } catch (DeviceSettings.Refused refused) {
                return refused.problems();
            }
        }, problems -> {
            markProblems(problems);
            showStates();
            if (problems.isEmpty()) {
                status.info("Saved: the " + driver.name().toLowerCase(Locale.ROOT) + " now runs with these settings."
                        + " Use Test to check it answers.");
            } else {
                status.error("Not saved: " + String.join(" ", problems.values()));
            }
        });
    }

    /** Puts a red caption on each setting at fault, with its reason as the caption's tooltip. */
    private void markProblems(Map<String, String> problems) {
        captions.forEach((id, caption) -> {
            String problem = problems.get(id);
            caption.setForeground(problem == null ? null : caption.getDisplay().getSystemColor(SWT.COLOR_RED));
            caption.setToolTipText(problem == null ? chosen.setting(id).map(Setting::help).orElse("") : problem);
        });
    }

    /** Asks the device to answer with the saved settings, off the UI thread (a network device may take seconds). */
    private void test() {
        Driver driver = chosen();
        Device device = session.devices().configuredBy(driver.pid()).orElseThrow(() -> new IllegalArgumentException(
                "The " + driver.name().toLowerCase(Locale.ROOT) + " is not running: save its settings first."));
        status.info("Testing " + device.description() + "…");
        status.inBackground("test device", "The test failed: ", device::connect, answer -> {
            showStates();
            if (answer.isConnected()) {
                status.info("The " + driver.name().toLowerCase(Locale.ROOT) + " answers: " + answer.message() + ".");
            } else {
                status.error("The " + driver.name().toLowerCase(Locale.ROOT) + " does not answer: " + answer.message());
            }
        });
    }

    /** Removes the settings (managers only, after asking): the driver stops until it is set up again. */
    private void remove() {
        Driver driver = chosen();
        String name = driver.name().toLowerCase(Locale.ROOT);
        if (!settings.get().isSetUp(driver.pid())) {
            throw new IllegalArgumentException("The " + name + " is not set up.");
        }
        Optional<Staff> manager = session.manager("Removing a device needs a manager.");
        if (manager.isEmpty()) {
            status.error("Not removed: removing a device needs a manager.");
            return;
        }
        if (!session.prompter().confirm("Stop using the " + name, "Stop using the " + name
                + "? Its settings are removed and it stays unused until it is set up again.")) {
            return;
        }
        settings.get().remove(driver.pid());
        status.info("The " + name + " is no longer used.");
        choose(indexOf(driver.pid()));
        showStates();
    }
}
