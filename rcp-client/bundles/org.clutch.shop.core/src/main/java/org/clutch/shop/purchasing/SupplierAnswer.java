package org.clutch.shop.purchasing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a supplier on the marketplace last said of a purchase order sent to it: it took the order (acknowledged, maybe
 * with the day it expects to ship) or shipped it (with whom and the tracking number). What an earlier answer said stays
 * unless a later one says otherwise: the shipment keeps the acknowledgement's note.
 */
public record SupplierAnswer(Status status, String note, LocalDate shipsOn, String carrier, String trackingNumber, Instant at) {

    public enum Status {
        ACKNOWLEDGED, SHIPPED
    }

    /** This answer after a later one; a shipped order never goes back to merely acknowledged (a message seen again). */
    public SupplierAnswer then(SupplierAnswer later) {
        return new SupplierAnswer(status == Status.SHIPPED ? status : later.status, later.note != null ? later.note : note,
                later.shipsOn != null ? later.shipsOn : shipsOn, later.carrier != null ? later.carrier : carrier,
                later.trackingNumber != null ? later.trackingNumber : trackingNumber, later.at.isAfter(at) ? later.at : at);
    }

    /** In plain words, for the order list and the sync log: "shipped with G4S Courier, tracking G4S-778812". */
    public String describe() {
        StringBuilder text = new StringBuilder(status == Status.SHIPPED ? "shipped" : "acknowledged");
        if (status == Status.SHIPPED && carrier != null) {
            text.append(" with ").append(carrier);
        }
        if (status == Status.SHIPPED && trackingNumber != null) {
            text.append(carrier != null ? ", tracking " : " tracking ").append(trackingNumber);
        }
        if (status == Status.ACKNOWLEDGED && shipsOn != null) {
            text.append("; ships ").append(shipsOn);
        }
        if (note != null) {
            text.append(" (").append(note).append(')');
        }
        return text.toString();
    }
}
