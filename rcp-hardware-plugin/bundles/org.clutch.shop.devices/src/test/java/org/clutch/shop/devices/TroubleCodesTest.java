package org.clutch.shop.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Decoding against known byte pairs (SAE J1979: two bits system, two bits first digit, three hex digits). */
class TroubleCodesTest {

    @Test
    void knownBytePairsDecodeToTheirCodes() {
        int[][] pairs = {{0x01, 0x33}, {0x04, 0x20}, {0x03, 0x01}, {0x01, 0x71}, {0x21, 0x35}, {0x11, 0x23},
                {0x41, 0x23}, {0x80, 0x01}, {0xC1, 0x00}, {0xD2, 0x34}, {0xFF, 0xFF}, {0x00, 0x01}};
        String[] codes = {"P0133", "P0420", "P0301", "P0171", "P2135", "P1123", "C0123", "B0001", "U0100", "U1234",
                "U3FFF", "P0001"};
        for (int i = 0; i < pairs.length; i++) {
            assertEquals(codes[i], TroubleCodes.decode(pairs[i][0], pairs[i][1]), "bytes " + i);
        }
        assertNull(TroubleCodes.decode(0x00, 0x00), "00 00 pads a frame; it is no code");
    }

    @Test
    void codesCarryTheirMeaningAndThePartsToLookAt() {
        TroubleCode catalyst = TroubleCode.of("P0420", TroubleCode.Kind.STORED);
        assertEquals("Catalyst system efficiency below threshold (bank 1)", catalyst.description());
        assertEquals(List.of("Catalytic converter", "Oxygen sensor"), catalyst.partsToCheck());
        assertEquals(List.of("Spark plug", "Ignition coil"), TroubleCodes.partsToCheck("P0301"));
        assertEquals(List.of("Ignition coil"), TroubleCodes.partsToCheck("P0352"));
        assertEquals(List.of("Oxygen sensor"), TroubleCodes.partsToCheck("P0135"));
        assertEquals(List.of(), TroubleCodes.partsToCheck("U0100"));
        assertEquals("Manufacturer-specific code: see the maker's service information", TroubleCodes.describe("P1123"));
    }
}
