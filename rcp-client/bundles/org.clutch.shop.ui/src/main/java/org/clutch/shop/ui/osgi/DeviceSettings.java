package org.clutch.shop.ui.osgi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.clutch.shop.devices.BarcodeScanner;
import org.clutch.shop.devices.Device;
import org.clutch.shop.devices.LabelPrinter;
import org.clutch.shop.devices.ReceiptPrinter;
import org.clutch.shop.devices.VehicleDiagnostics;
import org.clutch.shop.devices.link.InvalidSettingException;
import org.clutch.shop.devices.link.LinkSettings;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The settings of the device drivers. Each driver bundle describes its settings with OSGi Metatype (name, help,
 * type, range, choices); they are kept in Configuration Admin under the driver's PID, and Declarative Services
 * starts the driver once its configuration exists and restarts it when it changes. Settings are checked against
 * the driver's description and the link rules before they are saved; a driver that still refuses them (a logo file
 * that cannot be read) gets the previous settings back, so bad input changes nothing.
 */
public final class DeviceSettings {

    /** The device families the desktop uses, by the PID of their driver, with a name for when none is installed. */
    static final Map<String, String> FAMILIES = families();

    private static final long DRIVER_ANSWER_MILLIS = 5000;

    /** One choice of a setting that has a fixed list. */
    public record Choice(String label, String value) {
    }

    /** A setting as its driver describes it; {@code rule} gives the driver's reason to refuse a value, if any. */
    public record Setting(String id, String name, String help, boolean wholeNumber, boolean required,
            String defaultValue, List<Choice> choices, Function<String, Optional<String>> rule) {

        public Setting {
            choices = List.copyOf(choices);
        }
    }

    /** A driver that can be set up: its PID, its name and help, and its settings in the order it lists them. */
    public record Driver(String pid, String name, String help, List<Setting> settings) {

        public Driver {
            settings = List.copyOf(settings);
        }

        public Optional<Setting> setting(String id) {
            return settings.stream().filter(s -> s.id().equals(id)).findFirst();
        }
    }

    /** Settings that were not saved, with the reason for each setting at fault (by its id). */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, String> problems;

        Refused(Map<String, String> problems) {
            super("Not saved: " + String.join(" ", problems.values()));
            this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }

        public Map<String, String> problems() {
            return problems;
        }
    }

    private final BundleContext context;

    private DeviceSettings(BundleContext context) {
        this.context = context;
    }

    /** The settings of this framework's drivers; empty when the desktop runs without OSGi. */
    public static Optional<DeviceSettings> ofFramework() {
        BundleContext context = Devices.bundleContext();
        return context == null ? Optional.empty() : Optional.of(new DeviceSettings(context));
    }

    /**
     * The running device drivers that describe their settings, in the order of {@link #FAMILIES}, then any others.
     * A driver is a Declarative Services component that provides {@link Device}; its PID names its settings.
     */
    public List<Driver> drivers() {
        List<String> driverPids = withService(ServiceComponentRuntime.class, runtime -> runtime.getComponentDescriptionDTOs()
                .stream().filter(d -> Arrays.asList(d.serviceInterfaces).contains(Device.class.getName()))
                .flatMap(d -> Arrays.stream(d.configurationPid)).toList()).orElse(List.of());
        Map<String, Driver> found = new HashMap<>();
        withService(MetaTypeService.class, metatype -> {
            for (Bundle bundle : context.getBundles()) {
                if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                    continue; // a stopped driver bundle runs no driver, whatever it describes
                }
                MetaTypeInformation information = metatype.getMetaTypeInformation(bundle);
                if (information == null) {
                    continue;
                }
                for (String pid : information.getPids()) {
                    if (!driverPids.contains(pid)) {
                        continue; // the settings of something else, such as Declarative Services itself
                    }
                    ObjectClassDefinition definition = information.getObjectClassDefinition(pid, Locale.getDefault().toString());
                    found.put(pid, driver(pid, definition));
                }
            }
            return null;
        });
        List<Driver> drivers = new ArrayList<>();
        FAMILIES.keySet().stream().map(found::remove).filter(Objects::nonNull).forEach(drivers::add);
        found.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(drivers::add);
        return drivers;
    }

    /** The families of device that have none of these drivers, by name. */
    public static List<String> missingFamilies(List<Driver> drivers) {
        List<String> installed = drivers.stream().map(Driver::pid).toList();
        return FAMILIES.entrySet().stream().filter(f -> !installed.contains(f.getKey())).map(Map.Entry::getValue).toList();
    }

    /** The saved settings of a driver as text by setting id; empty when the driver is not set up. */
    public Map<String, String> saved(String pid) {
        Dictionary<String, Object> properties = configuration(pid).getProperties();
        Map<String, String> values = new LinkedHashMap<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (!key.startsWith("service.") && !key.startsWith("felix.")) {
                    values.put(key, String.valueOf(properties.get(key)));
                }
            }
        }
        return values;
    }

    public boolean isSetUp(String pid) {
        return configuration(pid).getProperties() != null;
    }

    /**
     * Checks the entered settings and saves them. Blank settings are left out, so the driver's default applies.
     * When the driver cannot start with them, the previous settings are put back.
     *
     * @throws Refused naming each setting at fault; nothing was changed
     */
    public void save(Driver driver, Map<String, String> entered) {
        Dictionary<String, Object> properties = check(driver, entered);
        Configuration configuration = configuration(driver.pid());
        Dictionary<String, Object> previous = configuration.getProperties();
        update(configuration, properties);
        Optional<String> failure = driverFailure(driver.pid(), properties);
        if (failure.isPresent()) {
            if (previous == null) {
                delete(configuration);
            } else {
                update(configuration, previous);
            }
            throw new Refused(Map.of("", "The " + driver.name().toLowerCase(Locale.ROOT)
                    + " driver cannot start with these settings: " + failure.get()));
        }
    }

    /** Stops using the device: its driver stops until it is set up again. */
    public void remove(String pid) {
        delete(configuration(pid));
    }

    /** The demo shop gets simulated devices of every family, unless devices were already set up. */
    public static void useSimulatorsWhereUnset() {
        ofFramework().ifPresent(settings -> {
            settings.setIfUnset(BarcodeScanner.CONFIGURATION_PID, Map.of("connection", "simulator"));
            settings.setIfUnset(LabelPrinter.CONFIGURATION_PID,
                    Map.of("connection", "simulator", "widthDots", 406, "heightDots", 203));
            settings.setIfUnset(ReceiptPrinter.CONFIGURATION_PID,
                    Map.of("connection", "simulator", "columns", 42, "codePage", "CP858_Euro"));
            settings.setIfUnset(VehicleDiagnostics.CONFIGURATION_PID,
                    Map.of("connection", "simulator", "scenario", "codes-present"));
        });
    }

    /** Checks entered settings against the driver's description and the link rules; the properties to save. */
    static Dictionary<String, Object> check(Driver driver, Map<String, String> entered) {
        Map<String, String> problems = new LinkedHashMap<>();
        Hashtable<String, Object> properties = new Hashtable<>();
        for (Setting setting : driver.settings()) {
            String value = entered.getOrDefault(setting.id(), "").trim();
            if (value.isEmpty()) {
                if (setting.required() && setting.defaultValue() == null) {
                    problems.put(setting.id(), setting.name() + " is needed.");
                }
                continue;
            }
            if (!setting.choices().isEmpty() && setting.choices().stream().noneMatch(c -> c.value().equals(value))) {
                problems.put(setting.id(), setting.name() + " must be one of "
                        + setting.choices().stream().map(Choice::label).toList() + ".");
                continue;
            }
            if (setting.wholeNumber()) {
                try {
                    properties.put(setting.id(), Integer.valueOf(value));
                } catch (NumberFormatException e) {
                    problems.put(setting.id(), setting.name() + " must be a whole number, not \"" + value + "\".");
                    continue;
                }
            } else {
                properties.put(setting.id(), value);
            }
            setting.rule().apply(value).ifPresent(problem -> problems.put(setting.id(), setting.name() + ": " + problem));
        }
        if (problems.isEmpty() && driver.setting("connection").isPresent()) {
            try {
                // only the link rules are wanted here: any valid defaults stand in for the driver's own
                LinkSettings.from(properties, 1, 9600, 1000);
            } catch (InvalidSettingException e) {
                problems.put(e.key(), e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return properties;
    }

    private static Driver driver(String pid, ObjectClassDefinition definition) {
        List<Setting> settings = new ArrayList<>();
        AttributeDefinition[] attributes = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        List<String> required = attributes(definition, ObjectClassDefinition.REQUIRED);
        for (AttributeDefinition attribute : attributes == null ? new AttributeDefinition[0] : attributes) {
            String[] labels = attribute.getOptionLabels();
            String[] values = attribute.getOptionValues();
            List<Choice> choices = new ArrayList<>();
            for (int i = 0; values != null && i < values.length; i++) {
                choices.add(new Choice(labels == null ? values[i] : labels[i], values[i]));
            }
            String[] defaults = attribute.getDefaultValue();
            settings.add(new Setting(attribute.getID(), attribute.getName(),
                    Objects.requireNonNullElse(attribute.getDescription(), ""),
                    attribute.getType() == AttributeDefinition.INTEGER, required.contains(attribute.getID()),
                    defaults == null || defaults.length == 0 ? null : defaults[0], choices,
                    value -> problem(attribute, value)));
        }
        return new Driver(pid, definition.getName(), Objects.requireNonNullElse(definition.getDescription(), ""), settings);
    }

    /** Metatype's own check (type, min/max, choices): null when it cannot check, empty when the value is fine. */
    private static Optional<String> problem(AttributeDefinition attribute, String value) {
        String problem = attribute.validate(value);
        return problem == null || problem.isEmpty() ? Optional.empty() : Optional.of(problem);
    }

    private static List<String> attributes(ObjectClassDefinition definition, int filter) {
        AttributeDefinition[] attributes = definition.getAttributeDefinitions(filter);
        return attributes == null ? List.of() : Arrays.stream(attributes).map(AttributeDefinition::getID).toList();
    }

    /**
     * Waits for Declarative Services to restart the driver with the new settings: empty once it runs with them,
     * the driver's reason when it failed to start. A driver that is not installed or does not answer in time is
     * not taken as a failure: the settings are kept for it.
     */
    private Optional<String> driverFailure(String pid, Dictionary<String, Object> saved) {
        long deadline = System.currentTimeMillis() + DRIVER_ANSWER_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<ComponentConfigurationDTO> current = withService(ServiceComponentRuntime.class,
                    runtime -> runtime.getComponentDescriptionDTOs().stream()
                            .filter(d -> d.name.equals(pid) || Arrays.asList(d.configurationPid).contains(pid))
                            .flatMap(d -> runtime.getComponentConfigurationDTOs(d).stream())
                            .filter(c -> holds(c, saved)).findFirst()).flatMap(Function.identity());
            if (current.isPresent()) {
                ComponentConfigurationDTO state = current.get();
                if (state.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return Optional.of(firstLine(state.failure));
                }
                if (state.state == ComponentConfigurationDTO.ACTIVE || state.state == ComponentConfigurationDTO.SATISFIED) {
                    // a delayed component is only SATISFIED until someone asks for it: ask, so it starts now
                    if (activates(state.description)) {
                        return Optional.empty();
                    } // else activation failed or the service is not registered yet: the next look tells which
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Gets the component's service once, which activates a delayed component; false if activation failed. */
    private boolean activates(ComponentDescriptionDTO description) {
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences(Device.class.getName(), "(component.name=" + description.name + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Not a driver name: " + description.name, e);
        }
        if (references == null) {
            return false; // not registered yet: the next look will tell
        }
        Object service = context.getService(references[0]);
        context.ungetService(references[0]);
        return service != null;
    }

    private static boolean holds(ComponentConfigurationDTO configuration, Dictionary<String, Object> saved) {
        for (Enumeration<String> keys = saved.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!String.valueOf(saved.get(key)).equals(String.valueOf(configuration.properties.get(key)))) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given";
        }
        String line = failure.lines().findFirst().orElse(failure);
        int colon = line.indexOf(": ");
        // the failure is a stack trace: "java.lang.IllegalArgumentException: the reason"
        return colon > 0 && line.substring(0, colon).matches("[\\w.$]+") ? line.substring(colon + 2) : line;
    }

    private void setIfUnset(String pid, Map<String, Object> settings) {
        Configuration configuration = configuration(pid);
        if (configuration.getProperties() == null) {
            update(configuration, new Hashtable<>(settings));
        }
    }

    private Configuration configuration(String pid) {
        return withService(ConfigurationAdmin.class, admin -> {
            try {
                // "?" lets the driver's bundle, not this one, use the configuration
                return admin.getConfiguration(pid, "?");
            } catch (IOException e) {
                throw new UncheckedIOException("Device settings could not be read: " + e.getMessage(), e);
            }
        }).orElseThrow(() -> new IllegalStateException("Configuration Admin is not running: devices cannot be set up."));
    }

    private static void update(Configuration configuration, Dictionary<String, Object> properties) {
        try {
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("Device settings could not be saved: " + e.getMessage(), e);
        }
    }

    private static void delete(Configuration configuration) {
        try {
            configuration.delete();
        } catch (IOException e) {
            throw new UncheckedIOException("Device settings could not be removed: " + e.getMessage(), e);
        }
    }

    private <S, R> Optional<R> withService(Class<S> type, Function<S, R> use) {
        ServiceReference<S> reference = context.getServiceReference(type);
        S service = reference == null ? null : context.getService(reference);
        if (service == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(use.apply(service));
        } finally {
            context.ungetService(reference);
        }
    }

    private static Map<String, String> families() {
        Map<String, String> families = new LinkedHashMap<>();
        families.put(ReceiptPrinter.CONFIGURATION_PID, "Receipt printer and cash drawer");
        families.put(LabelPrinter.CONFIGURATION_PID, "Label printer");
        families.put(BarcodeScanner.CONFIGURATION_PID, "Barcode scanner");
        families.put(VehicleDiagnostics.CONFIGURATION_PID, "OBD2 reader");
        return Collections.unmodifiableMap(families);
    }
}
