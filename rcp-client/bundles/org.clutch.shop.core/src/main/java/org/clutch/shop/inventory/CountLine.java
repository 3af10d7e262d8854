package org.clutch.shop.inventory;

import java.util.UUID;

/** The result of counting one part in one bin: what the books said, what was found, and the difference. */
public record CountLine(UUID partId, String partNumber, String bin, int expected, int counted) {

    public int variance() {
        return counted - expected;
    }
}
