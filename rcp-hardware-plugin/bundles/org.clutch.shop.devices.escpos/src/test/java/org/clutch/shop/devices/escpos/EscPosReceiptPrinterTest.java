package org.clutch.shop.devices.escpos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.clutch.shop.devices.DeviceEvent;
import org.clutch.shop.devices.DeviceException;
import org.clutch.shop.devices.DeviceStatus;
import org.clutch.shop.devices.ReceiptDocument;
import org.clutch.shop.devices.link.RawPrintServer;
import org.clutch.shop.devices.escpos.EscPosDecoder.Justification;
import org.clutch.shop.devices.escpos.EscPosDecoder.PrintedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscPosReceiptPrinterTest {

    private static final ReceiptDocument SALE = new ReceiptDocument("Clutch Motor Spares", List.of(
            "Sale S-000123          2026-11-21 10:15",
            "BP-100 Brake pad set front",
            "  2 x 4,500.00                  9,000.00",
            "Oil filter (€ price list)",
            "TOTAL                           9,650.00",
            "Cash                           10,000.00",
            "Change                            350.00"), "S-000123", true);

    @TempDir
    Path directory;

    private static Map<String, Object> settings(String... pairs) {
        Map<String, Object> settings = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    @Test
    void aKnownSaleIsPrintedWithTheExpectedLayout() {
        EscPosReceiptPrinter printer = new EscPosReceiptPrinter(settings("connection", "simulator", "columns", "42"));
        printer.print(SALE);

        List<PrintedLine> printed = printer.simulatedReceipts().get(0);
        List<PrintedLine> expected = new ArrayList<>();
        expected.add(PrintedLine.marker("[drawer]"));
        expected.add(new PrintedLine("Clutch Motor Spares", true, true, Justification.CENTER));
        SALE.lines().forEach(line -> expected.add(PrintedLine.plain(line)));
        expected.add(PrintedLine.plain(""));
        expected.add(PrintedLine.marker("[barcode S-000123]"));
        for (int i = 0; i < 4; i++) {
            expected.add(PrintedLine.plain(""));
        }
        expected.add(PrintedLine.marker("[cut]"));
        assertEquals(expected, printed);
    }

    @Test
    void theCodePageDecidesTheBytesOfAccentsAndTheEuroSign() {
        EscPosReceiptPrinter printer = new EscPosReceiptPrinter(settings("connection", "simulator", "codePage", "CP858_Euro"));
        byte[] bytes = printer.render(new ReceiptDocument(null, List.of("€ 5 — Peugeot 206 phare"), null, false));
        assertTrue(EscPosDecoder.text(bytes, Charset.forName("IBM00858")).contains("€ 5 ? Peugeot 206 phare"),
                "€ has a place in CP858; a dash it lacks prints as ?");
        assertTrue(indexOf(bytes, new byte[] {0x1B, 't', 19}) >= 0, "ESC t 19 selects CP858 on the printer");
    }

    @Test
    void aNetworkPrinterGetsTheWholeJobOnPort9100Style() throws Exception {
        try (RawPrintServer fakePrinter = RawPrintServer.listen(0)) {
            EscPosReceiptPrinter printer = new EscPosReceiptPrinter(settings("connection", "tcp", "host", "127.0.0.1",
                    "port", String.valueOf(fakePrinter.port()), "columns", "42"));
            printer.print(SALE);

            byte[] bytes = fakePrinter.nextJob(10, TimeUnit.SECONDS).orElseThrow();
            assertArrayEquals(printer.render(SALE), bytes);
            assertEquals(DeviceStatus.State.CONNECTED, printer.status().state());
        }
    }

    @Test
    void anUnreachablePrinterIsAnErrorThatSaysWhere() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EscPosReceiptPrinter printer = new EscPosReceiptPrinter(settings("connection", "tcp", "host", "127.0.0.1",
                "port", String.valueOf(closedPort)));
        List<DeviceEvent> events = new ArrayList<>();
        printer.addListener(events::add);

        DeviceException refused = assertThrows(DeviceException.class, () -> printer.print(SALE));
        assertTrue(refused.getMessage().contains("127.0.0.1:" + closedPort), refused.getMessage());
        assertEquals(DeviceStatus.State.ERROR, printer.status().state());
        assertEquals(DeviceEvent.Kind.ERROR, events.get(0).kind());
        assertEquals(DeviceStatus.State.ERROR, printer.connect().state());
    }

    @Test
    void theDrawerOpensThroughThePrinterAndALogoComesFirst() throws Exception {
        BufferedImage image = new BufferedImage(100, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 100, 40);
        g.dispose();
        Path logo = directory.resolve("logo.png");
        ImageIO.write(image, "png", logo.toFile());
        EscPosReceiptPrinter printer = new EscPosReceiptPrinter(settings("connection", "simulator", "logo", logo.toString()));

        printer.open();
        printer.print(new ReceiptDocument("Shop", List.of("x"), null, false));

        List<List<PrintedLine>> receipts = printer.simulatedReceipts();
        assertEquals(List.of(PrintedLine.marker("[drawer]")), receipts.get(0));
        assertEquals("[logo 104x40]", receipts.get(1).get(0).text());
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        IllegalArgumentException page = assertThrows(IllegalArgumentException.class,
                () -> new EscPosReceiptPrinter(settings("codePage", "KLINGON")));
        assertEquals("codePage \"KLINGON\" is not an ESC/POS character table.", page.getMessage());
        IllegalArgumentException connection = assertThrows(IllegalArgumentException.class,
                () -> new EscPosReceiptPrinter(settings("connection", "bluetooth")));
        assertEquals("Connection \"bluetooth\" is not tcp, serial, file, queue or simulator.", connection.getMessage());
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
