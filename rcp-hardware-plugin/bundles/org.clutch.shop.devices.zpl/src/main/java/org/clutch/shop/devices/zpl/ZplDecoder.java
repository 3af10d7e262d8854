package org.clutch.shop.devices.zpl;

import java.util.ArrayList;
import java.util.List;

import org.clutch.shop.devices.Gtin;

/**
 * Reads a ZPL label back into its fields: where each is, whether it is text or which barcode, and what it says.
 * Covers the commands labels here use (^FO ^A ^FB ^BY ^BC ^BE ^BU ^FH ^FD ^FS ^PQ ^PW ^LL); tests and the
 * simulator use it to check what a printer would print.
 */
public final class ZplDecoder {

    public enum Kind { TEXT, CODE_128, EAN_13, UPC_A }

    public record Field(int x, int y, Kind kind, int height, String data) {
    }

    public record PrintedLabel(int widthDots, int heightDots, int copies, List<Field> fields) {

        public List<String> texts() {
            return fields.stream().filter(f -> f.kind() == Kind.TEXT).map(Field::data).toList();
        }

        public Field barcode() {
            return fields.stream().filter(f -> f.kind() != Kind.TEXT).findFirst().orElse(null);
        }
    }

    private ZplDecoder() {
    }

    public static PrintedLabel decode(String zpl) {
        String body = zpl.strip();
        if (!body.startsWith("^XA") || !body.endsWith("^XZ")) {
            throw new IllegalArgumentException("Not a ZPL label: it must start with ^XA and end with ^XZ.");
        }
        int width = 0;
        int height = 0;
        int copies = 1;
        List<Field> fields = new ArrayList<>();
        int x = 0;
        int y = 0;
        Kind kind = Kind.TEXT;
        int fieldHeight = 0;
        boolean hex = false;
        for (String command : body.substring(3, body.length() - 3).split("\\^")) {
            command = command.strip();
            if (command.length() < 2) {
                continue;
            }
            String name = command.substring(0, 2);
            String[] args = command.substring(2).split(",", -1);
            switch (name) {
                case "PW" -> width = Integer.parseInt(args[0]);
                case "LL" -> height = Integer.parseInt(args[0]);
                case "PQ" -> copies = Integer.parseInt(args[0]);
                case "FO" -> {
                    x = Integer.parseInt(args[0]);
                    y = Integer.parseInt(args[1]);
                }
                case "BC", "BE", "BU" -> {
                    kind = name.equals("BC") ? Kind.CODE_128 : name.equals("BE") ? Kind.EAN_13 : Kind.UPC_A;
                    fieldHeight = Integer.parseInt(args[1]);
                }
                case "FH" -> hex = true;
                case "FD" -> {
                    String data = hex ? unescape(command.substring(2)) : command.substring(2);
                    if (kind == Kind.EAN_13 || kind == Kind.UPC_A) {
                        data = data + Gtin.checkDigit(data); // the printer adds it under the bars
                    }
                    fields.add(new Field(x, y, kind, fieldHeight, data));
                }
                case "FS" -> {
                    kind = Kind.TEXT;
                    hex = false;
                }
                default -> {
                    if (name.charAt(0) == 'A') {
                        fieldHeight = Integer.parseInt(args[1]);
                    }
                }
            }
        }
        return new PrintedLabel(width, height, copies, fields);
    }

    private static String unescape(String data) {
        StringBuilder text = new StringBuilder(data.length());
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '_' && i + 2 < data.length()) {
                text.append((char) Integer.parseInt(data.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
