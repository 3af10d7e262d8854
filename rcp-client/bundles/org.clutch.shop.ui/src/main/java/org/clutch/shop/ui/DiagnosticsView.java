package org.clutch.shop.ui;

import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.clutch.shop.Shop;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.customers.Customer;
import org.clutch.shop.customers.CustomerVehicle;
import org.clutch.shop.devices.FreezeFrame;
import org.clutch.shop.devices.TroubleCode;
import org.clutch.shop.devices.VehicleDiagnostics;
import org.clutch.shop.ui.Screens.StatusLine;
import org.clutch.vehicle.Vin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * Reads the customer's car through the OBD2 reader: its VIN (and so the customer and vehicle the shop has on file, or
 * for a car not on file the maker and model year the VIN itself tells), its stored, pending and permanent trouble codes with what they mean, and the freeze frame. A code becomes a parts
 * lookup: the parts a mechanic checks first for it, those that fit the vehicle first. Clearing codes asks first.
 * The reader is slow (a second per answer on cheap adapters), so it is read off the UI thread.
 */
public final class DiagnosticsView {

    /** What one reading of the car found. */
    record Reading(Optional<String> vin, List<TroubleCode> codes, FreezeFrame freezeFrame) {
    }

    /** A vehicle the shop has on file, with its owner. */
    record KnownVehicle(Customer owner, CustomerVehicle vehicle) {
    }

    /** What the VIN of a car not on file tells: its maker and model year, not its model. */
    record VinVehicle(String make, int year) {

        static Optional<VinVehicle> of(Vin vin, int currentYear) {
            return vin.manufacturer().flatMap(make -> {
                var year = vin.likelyModelYear(currentYear);
                return year.isPresent() ? Optional.of(new VinVehicle(make, year.getAsInt())) : Optional.empty();
            });
        }

        String label() {
            return make + " " + year;
        }
    }

    private final ShopSession session;
    private final Shop shop;
    private final Composite root;
    private final Label reader;
    private final Label vehicleLine;
    private final Table codes;
    private final Label freezeFrame;
    private final Table parts;
    private final StatusLine status;
    private final Consumer<Customer> sellTo;
    private final Consumer<PartSummary> addToSale;
    private Set<UUID> fits = Set.of();
    private Reading reading;
    private Optional<KnownVehicle> vehicle = Optional.empty();
    private Optional<VinVehicle> fromVin = Optional.empty();
    private List<PartSummary> found = List.of();

    /**
     * @param sellTo    opens the till for this customer
     * @param addToSale puts a part on the till's sale
     */
    public DiagnosticsView(Composite parent, ShopSession session, Consumer<Customer> sellTo,
            Consumer<PartSummary> addToSale) {
        this.session = session;
        this.shop = session.shop();
        this.sellTo = sellTo;
        this.addToSale = addToSale;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(4, false));
        status = new StatusLine(root, 4);

        reader = Screens.label(root, "", "obd-reader");
        reader.setLayoutData(Screens.wide(4));
        Screens.button(root, "Read the car", "read-car", this::read, status);
        Screens.button(root, "Clear codes…", "clear-codes", this::clear, status);
        Screens.button(root, "Sell to this customer", "sell-to-owner", this::sellToOwner, status);
        new Label(root, SWT.NONE);
        vehicleLine = Screens.label(root, "Plug the reader into the car's OBD2 socket, switch the ignition on, then Read the car.",
                "vehicle");
        vehicleLine.setLayoutData(Screens.wide(4));

        codes = Screens.table(root, "trouble-codes", SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER,
                "Code:70", "Kind:270", "Meaning:480", "Parts to check:300");
        GridData codesData = Screens.wide(4);
        codesData.heightHint = 175;
        codes.setLayoutData(codesData);
        codes.addListener(SWT.Selection, e -> status.run(this::findParts));
        freezeFrame = Screens.label(root, "", "freeze-frame");
        freezeFrame.setLayoutData(Screens.wide(4));

        Screens.label(root, "Parts for the chosen code:", null).setLayoutData(Screens.wide(3));
        Screens.button(root, "Add to sale", "add-part-to-sale", this::addChosenPart, status);
        parts = Screens.table(root, "code-parts", SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER,
                "Part number:140", "Name:320", "Fits:230", "Price:120:r", "On hand:80:r");
        parts.setLayoutData(Screens.fill(4));

        Screens.followDevices(root, session.devices(), this::showReader);
        showReader();
    }

    public Composite control() {
        return root;
    }

    private void showReader() {
        reader.setText(session.devices().diagnostics().map(r -> "OBD2 reader: " + r.description())
                .orElse("No OBD2 reader: set one up on the Devices screen."));
    }

    private VehicleDiagnostics obd() {
        return session.devices().diagnostics().orElseThrow(() -> new IllegalArgumentException(
                "No OBD2 reader is set up: set one up on the Devices screen."));
    }

    /** Connects and reads VIN, codes of every kind and the freeze frame. */
    private void read() {
        VehicleDiagnostics obd = obd();
        status.info("Reading the car… (a few seconds; keep the ignition on)");
        status.inBackground("read the car", "The car could not be read: ", () -> readCar(obd), this::show);
    }

    static Reading readCar(VehicleDiagnostics obd) {
        if (!obd.connect().isConnected()) {
            throw new IllegalArgumentException(obd.status().message());
        }
        List<TroubleCode> all = new ArrayList<>();
        for (TroubleCode.Kind kind : TroubleCode.Kind.values()) {
            all.addAll(obd.readTroubleCodes(kind));
        }
        return new Reading(obd.readVin(), all, obd.readFreezeFrame());
    }

    private void show(Reading read) {
        reading = read;
        vehicle = read.vin().flatMap(this::onFile);
        fromVin = Optional.empty();
        vehicleLine.setText(read.vin().map(vin -> "VIN " + vin + ": " + vehicle
                .map(known -> known.vehicle().label() + " of " + known.owner().name() + " (on file).")
                .orElseGet(() -> notOnFile(vin)))
                .orElse("The car does not report its VIN (older than about 2005)."));
        codes.removeAll();
        for (TroubleCode code : read.codes()) {
            TableItem item = new TableItem(codes, SWT.NONE);
            item.setText(new String[] {code.code(), kind(code.kind()), code.description(),
                    String.join(", ", code.partsToCheck())});
        }
        freezeFrame.setText(freezeFrameText(read.freezeFrame()));
        parts.removeAll();
        found = List.of();
        if (read.codes().isEmpty()) {
            status.info("No trouble codes: the engine computer reports nothing wrong.");
        } else {
            status.info(read.codes().size() + " trouble code(s). Choose one to see the parts to check.");
            codes.setSelection(0);
            findParts();
        }
        root.layout(true, true);
    }

    private static String kind(TroubleCode.Kind kind) {
        return switch (kind) {
            case STORED -> "Stored (check-engine light)";
            case PENDING -> "Pending (seen once)";
            case PERMANENT -> "Permanent (clears itself after repair)";
        };
    }

    private static String freezeFrameText(FreezeFrame frame) {
        if (frame == null || frame.readings().isEmpty()) {
            return "No freeze frame.";
        }
        StringBuilder text = new StringBuilder("Freeze frame (when " + frame.troubleCode() + " was set): ");
        for (FreezeFrame.Reading r : frame.readings()) {
            double value = Math.round(r.value() * 10) / 10.0;
            text.append(r.name()).append(' ').append(value == Math.rint(value) ? String.valueOf((long) value)
                    : String.valueOf(value)).append(' ').append(r.unit()).append("; ");
        }
        return text.substring(0, text.length() - 2) + ".";
    }

    /** What the VIN of a car the shop does not know says, and what to do about it. */
    private String notOnFile(String vin) {
        String advice = "not on file; add it to the customer's vehicles on the Customers screen.";
        try {
            Vin read = Vin.parse(vin);
            int thisYear = Year.now(shop.clock()).getValue();
            fromVin = VinVehicle.of(read, thisYear);
            return read.describe(thisYear) + " (from the VIN), " + advice;
        } catch (IllegalArgumentException unreadable) {
            return "the VIN does not decode (" + unreadable.getMessage() + "), " + advice;
        }
    }

    /** The customer's vehicle with this VIN, if the shop has it on file. */
    private Optional<KnownVehicle> onFile(String vin) {
        for (Customer customer : shop.customers().search(vin, 5)) {
            for (CustomerVehicle v : customer.vehicles()) {
                if (vin.equals(v.vin())) {
                    return Optional.of(new KnownVehicle(customer, v));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The parts to check for the chosen code: those listed as fitting the vehicle first, then the others of that
     * name (a part not yet given its fitment may still fit).
     */
    private void findParts() {
        int index = codes.getSelectionIndex();
        if (reading == null || index < 0) {
            return;
        }
        TroubleCode code = reading.codes().get(index);
        Map<UUID, PartSummary> hits = new LinkedHashMap<>();
        fits = new HashSet<>();
        for (String word : code.partsToCheck()) {
            List<PartSummary> fitting = vehicle.map(known -> shop.catalog().searchByVehicle(known.vehicle().make(),
                            known.vehicle().model(), known.vehicle().year(), word, 50))
                    .or(() -> fromVin.map(car -> shop.catalog().searchByMakeAndYear(car.make(), car.year(), word, 50)))
                    .orElse(List.of());
            for (PartSummary p : fitting) {
                hits.putIfAbsent(p.id(), p);
                fits.add(p.id());
            }
        }
        for (String word : code.partsToCheck()) {
            shop.catalog().search(word, 50).forEach(p -> hits.putIfAbsent(p.id(), p));
        }
        // fitting parts first, then what is on the shelf, then what would have to be ordered
        found = hits.values().stream().sorted(Comparator.comparing((PartSummary p) -> !fits.contains(p.id()))
                .thenComparing(p -> p.onHand() <= 0)).toList();
        parts.removeAll();
        for (PartSummary part : found) {
            TableItem item = new TableItem(parts, SWT.NONE);
            item.setText(new String[] {part.partNumber(), part.name(),
                    fitsText(fits.contains(part.id())),
                    shop.profile().currency().format(part.priceMinor()), Integer.toString(part.onHand())});
        }
        if (code.partsToCheck().isEmpty()) {
            status.info(code.code() + ": no typical part; the fault needs a mechanic's diagnosis.");
        } else if (found.isEmpty()) {
            status.info(code.code() + ": the catalog has no " + String.join(" or ", code.partsToCheck()).toLowerCase(java.util.Locale.ROOT) + ".");
        } else if (carKnown() && found.stream().noneMatch(p -> fits.contains(p.id()) && p.onHand() > 0)) {
            status.info(code.code() + ": nothing listed for this vehicle is in stock (" + Screens.plural(found.size(),
                    "part") + " to check). Order it from a supplier, or find it through the marketplace.");
        } else {
            status.info(code.code() + ": " + Screens.plural(found.size(), "part") + " to check, " + fits.size()
                    + " listed for this vehicle.");
        }
    }

    private boolean carKnown() {
        return vehicle.isPresent() || fromVin.isPresent();
    }

    private String fitsText(boolean listed) {
        if (vehicle.isPresent()) {
            return listed ? "Fits" : "Not listed for this vehicle";
        }
        return fromVin.map(car -> listed ? "Listed for a " + car.label() + "; check the model" : "Not listed for a " + car.label())
                .orElse("");
    }

    private void addChosenPart() {
        int index = parts.getSelectionIndex();
        if (index < 0) {
            throw new IllegalArgumentException("Choose a part to add to the sale.");
        }
        PartSummary part = found.get(index);
        if (carKnown() && !fits.contains(part.id()) && !session.prompter().confirm("Not listed for this car",
                part.partNumber() + " " + part.name() + " is not listed as fitting "
                        + vehicle.map(known -> "the " + known.vehicle().label()).orElseGet(() -> "a " + fromVin.orElseThrow().label())
                        + ". Add it to the sale anyway?")) {
            status.info(part.partNumber() + " not added.");
            return;
        }
        addToSale.accept(part);
        status.info(part.partNumber() + " " + part.name() + " added to the sale at the till.");
    }

    private void sellToOwner() {
        KnownVehicle known = vehicle.orElseThrow(() -> new IllegalArgumentException(
                "The car is not on file: read a car whose VIN a customer's vehicle has."));
        sellTo.accept(known.owner());
        status.info("The till now sells to " + known.owner().name() + ".");
    }

    /** Clears stored and pending codes after the person confirms (it cannot be undone), then reads the car again. */
    private void clear() {
        VehicleDiagnostics obd = obd();
        if (!session.prompter().confirm("Clear trouble codes", "Clear the stored and pending trouble codes?\n"
                + "The check-engine light goes off, and the freeze frame and readiness monitors are erased: do this only"
                + " after the repair. Permanent codes stay until the car's own tests pass.")) {
            return;
        }
        status.info("Clearing the codes…");
        status.inBackground("clear trouble codes", "The codes were not cleared: ", () -> {
            obd.clearTroubleCodes();
            return readCar(obd);
        }, read -> {
            show(read);
            status.info("Codes cleared. " + (read.codes().isEmpty() ? "The car reports no codes now."
                    : read.codes().size() + " code(s) remain (permanent codes clear after the car's own tests)."));
        });
    }
}
