package org.clutch.shop.devices.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ESC/POS bytes back into the lines a printer would put on paper, with their style, and markers for what
 * is not text ({@code [drawer]}, {@code [logo WxH]}, {@code [barcode DATA]}, {@code [cut]}). The simulator shows
 * receipts with it and tests check layouts with it; a command it does not know is an error, not a guess.
 */
public final class EscPosDecoder {

    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;
    private static final int LF = 0x0A;

    /** One printed line: its text, whether it was bold, printed double height, and how it was justified. */
    public record PrintedLine(String text, boolean bold, boolean tall, Justification justification) {

        public static PrintedLine plain(String text) {
            return new PrintedLine(text, false, false, Justification.LEFT);
        }

        public static PrintedLine marker(String text) {
            return new PrintedLine(text, false, false, Justification.LEFT);
        }
    }

    public enum Justification { LEFT, CENTER, RIGHT }

    private final byte[] bytes;
    private final Charset charset;
    private final List<PrintedLine> lines = new ArrayList<>();
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private int at;
    private boolean bold;
    private boolean tall;
    private Justification justification = Justification.LEFT;

    private EscPosDecoder(byte[] bytes, Charset charset) {
        this.bytes = bytes;
        this.charset = charset;
    }

    public static List<PrintedLine> decode(byte[] bytes, Charset charset) {
        EscPosDecoder decoder = new EscPosDecoder(bytes, charset);
        decoder.run();
        return decoder.lines;
    }

    /** Only the text of the lines, markers included. */
    public static List<String> text(byte[] bytes, Charset charset) {
        return decode(bytes, charset).stream().map(PrintedLine::text).toList();
    }

    private void run() {
        while (at < bytes.length) {
            int b = next();
            if (b == ESC) {
                escape();
            } else if (b == GS) {
                groupSeparator();
            } else if (b == LF) {
                endLine();
            } else if (b >= 0x20) {
                text.write(b);
            } else if (b != 0x0D) {
                throw unknown("control byte", b);
            }
        }
        if (text.size() > 0) {
            endLine();
        }
    }

    private void escape() {
        int command = next();
        switch (command) {
            case '@' -> {
                bold = false;
                tall = false;
                justification = Justification.LEFT;
            }
            case '2' -> { /* default line spacing */ }
            case 't', '-', 'M', '3', 'G', 'V', 'r', 'U' -> next();
            case 'E' -> bold = next() != 0;
            case '!' -> {
                int mode = next();
                bold = (mode & 0x08) != 0;
                tall = (mode & 0x10) != 0;
            }
            case 'a' -> justification = switch (next() % 48) {
                case 1 -> Justification.CENTER;
                case 2 -> Justification.RIGHT;
                default -> Justification.LEFT;
            };
            case 'd' -> {
                if (text.size() > 0) {
                    endLine();
                }
                int feed = next();
                for (int i = 0; i < feed; i++) {
                    lines.add(PrintedLine.plain(""));
                }
            }
            case 'p' -> {
                next();
                next();
                next();
                lines.add(PrintedLine.marker("[drawer]"));
            }
            default -> throw unknown("ESC", command);
        }
    }

    private void groupSeparator() {
        int command = next();
        switch (command) {
            case '!' -> tall = (next() & 0x0F) > 0;
            case 'B', 'h', 'w', 'H', 'f' -> next();
            case 'L' -> {
                next();
                next();
            }
            case 'V' -> {
                int mode = next();
                if (mode == 65 || mode == 66 || mode == 97 || mode == 98 || mode == 103 || mode == 104) {
                    next();
                }
                lines.add(PrintedLine.marker("[cut]"));
            }
            case 'k' -> barcode();
            case 'v' -> raster();
            case '(' -> {
                next();
                int length = next() | next() << 8;
                at += length;
            }
            default -> throw unknown("GS", command);
        }
    }

    private void barcode() {
        int system = next();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        if (system >= 65) {
            int length = next();
            for (int i = 0; i < length; i++) {
                data.write(next());
            }
        } else {
            for (int b = next(); b != 0; b = next()) {
                data.write(b);
            }
        }
        String value = data.toString(charset);
        // Code 128 data starts with its code set ({A, {B or {C); the printed number is what follows
        lines.add(PrintedLine.marker("[barcode " + (value.startsWith("{") ? value.substring(2) : value) + "]"));
    }

    private void raster() {
        if (next() != '0') {
            throw unknown("GS v", bytes[at - 1]);
        }
        next();
        int widthBytes = next() | next() << 8;
        int height = next() | next() << 8;
        at += widthBytes * height;
        lines.add(PrintedLine.marker("[logo " + widthBytes * 8 + "x" + height + "]"));
    }

    private void endLine() {
        lines.add(new PrintedLine(text.toString(charset), bold, tall, justification));
        text.reset();
    }

    private int next() {
        if (at >= bytes.length) {
            throw new IllegalArgumentException("The print job ends in the middle of a command.");
        }
        return bytes[at++] & 0xFF;
    }

    private IllegalArgumentException unknown(String kind, int command) {
        return new IllegalArgumentException("Unknown " + kind + " command 0x" + Integer.toHexString(command) + " at byte " + (at - 1) + ".");
    }
}
