package org.clutch.shop.installer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a Windows executable says about itself without running it: its subsystem and its readable strings. */
record WindowsExecutable(byte[] bytes) {

    static final int GUI_SUBSYSTEM = 2;
    static final int CONSOLE_SUBSYSTEM = 3;

    static WindowsExecutable read(InputStream in) throws IOException {
        return new WindowsExecutable(in.readAllBytes());
    }

    /** The PE optional header's subsystem: 2 opens no console window, 3 does. */
    int subsystem() {
        ByteBuffer pe = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (pe.getShort(0) != 0x5A4D) {
            throw new IllegalStateException("no MZ header");
        }
        int header = pe.getInt(0x3C);
        if (pe.getInt(header) != 0x00004550) {
            throw new IllegalStateException("no PE signature");
        }
        int optionalHeader = header + 24;
        return Short.toUnsignedInt(pe.getShort(optionalHeader + 68));
    }

    /** Runs of six or more printable ASCII characters, as the launcher's settings are stored. */
    List<String> asciiStrings() {
        List<String> found = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= bytes.length; i++) {
            boolean printable = i < bytes.length && bytes[i] >= 0x20 && bytes[i] < 0x7F;
            if (printable && start < 0) {
                start = i;
            } else if (!printable && start >= 0) {
                if (i - start >= 6) {
                    found.add(new String(bytes, start, i - start, StandardCharsets.US_ASCII));
                }
                start = -1;
            }
        }
        return found;
    }
}
