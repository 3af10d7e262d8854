package org.clutch.shop.inventory;

import java.util.Locale;

import org.clutch.shop.common.RuleException;

/** The rules of the shop's bins: how a bin is named, and that stock taken out of one never leaves it below zero. */
final class Bins {

    private Bins() {
    }

    /** A bin's code as stored: trimmed, in capitals, the main bin when none is named. */
    static String code(String bin) {
        return bin == null || bin.isBlank() ? "MAIN" : bin.trim().toUpperCase(Locale.ROOT);
    }

    /** @throws RuleException when {@code delta} would take a bin holding {@code inBin} below zero */
    static void checkTakeOut(String binCode, int inBin, int delta) {
        if (inBin + delta < 0) {
            throw new RuleException("Bin " + binCode + " holds " + Math.max(0, inBin) + "; taking out " + -delta
                    + " would leave it below zero. Take out at most that, or count the bin if the books are wrong.");
        }
    }
}
