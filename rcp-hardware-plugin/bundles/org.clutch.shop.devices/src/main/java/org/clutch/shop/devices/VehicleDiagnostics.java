package org.clutch.shop.devices;

import java.util.List;
import java.util.Optional;

/** An OBD2 reader plugged into the customer's car (ELM327 and its many clones). */
public interface VehicleDiagnostics extends Device {

    /** The Configuration Admin PID an OBD reader driver takes its settings from. */
    String CONFIGURATION_PID = "org.clutch.shop.devices.obd";

    /** The VIN the engine computer reports (service 09 PID 02); empty on cars too old to report one. */
    Optional<String> readVin();

    /** Stored (service 03), pending (07) or permanent (0A) trouble codes, with their descriptions. */
    List<TroubleCode> readTroubleCodes(TroubleCode.Kind kind);

    /** Clears stored and pending codes and the freeze frame (service 04). Ask the person first: it cannot be undone. */
    void clearTroubleCodes();

    /** The engine's readings saved when the first code was set (service 02). */
    FreezeFrame readFreezeFrame();
}
