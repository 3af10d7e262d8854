package org.clutch.shop.devices;

import java.util.List;

/** Readings saved when a code was set: the code that caused it and values such as engine speed and coolant temperature. */
public record FreezeFrame(String troubleCode, List<Reading> readings) {

    public record Reading(String name, double value, String unit) {
    }

    public FreezeFrame {
        readings = List.copyOf(readings);
    }
}
