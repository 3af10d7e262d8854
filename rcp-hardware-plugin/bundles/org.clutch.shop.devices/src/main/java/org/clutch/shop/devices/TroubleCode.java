package org.clutch.shop.devices;

import java.util.List;

/** A diagnostic trouble code such as P0420, with what it means and the parts a mechanic looks at first. */
public record TroubleCode(String code, Kind kind, String description, List<String> partsToCheck) {

    public enum Kind { STORED, PENDING, PERMANENT }

    public TroubleCode {
        partsToCheck = List.copyOf(partsToCheck);
    }

    public static TroubleCode of(String code, Kind kind) {
        return new TroubleCode(code, kind, TroubleCodes.describe(code), TroubleCodes.partsToCheck(code));
    }
}
