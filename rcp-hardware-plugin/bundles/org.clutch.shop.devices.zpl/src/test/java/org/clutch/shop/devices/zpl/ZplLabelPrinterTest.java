package org.clutch.shop.devices.zpl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.clutch.shop.devices.DeviceEvent;
import org.clutch.shop.devices.DeviceException;
import org.clutch.shop.devices.DeviceStatus;
import org.clutch.shop.devices.Label;
import org.clutch.shop.devices.LabelLayout;
import org.clutch.shop.devices.link.RawPrintServer;
import org.clutch.shop.devices.zpl.ZplDecoder.Field;
import org.clutch.shop.devices.zpl.ZplDecoder.Kind;
import org.clutch.shop.devices.zpl.ZplDecoder.PrintedLabel;
import org.junit.jupiter.api.Test;

class ZplLabelPrinterTest {

    private static final Label SHELF = new Label("BP-1044", "Brake pad set, front axle", "4,500.00", "4006633041126");

    private static Map<String, Object> settings(String... pairs) {
        Map<String, Object> settings = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    @Test
    void aShelfLabelPrintsItsFieldsWhereTheLayoutPutsThem() {
        ZplLabelPrinter printer = new ZplLabelPrinter(settings("connection", "simulator"));
        printer.print(SHELF, 3);

        PrintedLabel label = printer.simulatedLabels().get(0);
        LabelLayout layout = printer.layout();
        assertEquals(406, label.widthDots());
        assertEquals(203, label.heightDots());
        assertEquals(3, label.copies());
        assertEquals(List.of("BP-1044", "4,500.00", "Brake pad set, front axle"), label.texts());
        assertEquals(new Field(layout.partNumber().x(), layout.partNumber().y(), Kind.TEXT, layout.partNumber().height(),
                "BP-1044"), label.fields().get(0));
        Field barcode = label.barcode();
        assertEquals(Kind.EAN_13, barcode.kind());
        assertEquals("4006633041126", barcode.data(), "the printer prints the check digit it computes");
        assertEquals(layout.barcode().y(), barcode.y());
        assertEquals(layout.bars(SHELF).left(), barcode.x());
        assertTrue(barcode.y() + barcode.height() + layout.barcodeTextHeight() <= 203, "bars and digits fit on the label");
    }

    @Test
    void aPartWithoutBarcodeGetsItsNumberInCode128AndZplCharactersAreEscaped() {
        ZplLabelPrinter printer = new ZplLabelPrinter(settings("connection", "simulator", "widthDots", "609",
                "heightDots", "304"));
        Label part = new Label("X^7~_1", "Filter ^ ~ cartridge – ölfilter", "", null);
        String zpl = printer.render(part, 1);

        String fieldData = zpl.substring(zpl.indexOf("^FD") + 3, zpl.indexOf("^FS"));
        assertFalse(fieldData.contains("^") || fieldData.contains("~"), "a ^ or ~ in the text would start a command");
        printer.print(part, 1);
        PrintedLabel label = printer.simulatedLabels().get(0);
        assertEquals(List.of("X^7~_1", "Filter ^ ~ cartridge – ölfilter"), label.texts(), "no price on a part label");
        assertEquals(new Field(label.barcode().x(), label.barcode().y(), Kind.CODE_128, label.barcode().height(), "X^7~_1"),
                label.barcode());
        assertEquals(609, label.widthDots());
    }

    @Test
    void aNetworkPrinterGetsTheWholeLabelOnPort9100Style() throws Exception {
        try (RawPrintServer fakePrinter = RawPrintServer.listen(0)) {
            ZplLabelPrinter printer = new ZplLabelPrinter(settings("connection", "tcp", "host", "127.0.0.1",
                    "port", String.valueOf(fakePrinter.port())));
            printer.print(SHELF, 1);

            String zpl = new String(fakePrinter.nextJob(10, TimeUnit.SECONDS).orElseThrow(), StandardCharsets.UTF_8);
            assertEquals(printer.render(SHELF, 1), zpl);
            assertEquals("4006633041126", ZplDecoder.decode(zpl).barcode().data());
            assertEquals(DeviceStatus.State.CONNECTED, printer.status().state());
        }
    }

    @Test
    void aPrinterThatIsGoneIsAnErrorAndNothingIsHalfSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ZplLabelPrinter printer = new ZplLabelPrinter(settings("connection", "tcp", "host", "127.0.0.1",
                "port", String.valueOf(closedPort)));
        List<DeviceEvent> events = new ArrayList<>();
        printer.addListener(events::add);

        DeviceException refused = assertThrows(DeviceException.class, () -> printer.print(SHELF, 1));
        assertTrue(refused.getMessage().contains("127.0.0.1:" + closedPort), refused.getMessage());
        assertEquals(DeviceEvent.Kind.ERROR, events.get(0).kind());
        assertEquals(DeviceStatus.State.ERROR, printer.status().state());
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsSent() {
        ZplLabelPrinter printer = new ZplLabelPrinter(settings("connection", "simulator"));
        assertThrows(IllegalArgumentException.class, () -> printer.print(SHELF, 0));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> printer.print(new Label("P", "", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), 1));
        assertTrue(tooLong.getMessage().contains("too long"), tooLong.getMessage());
        assertEquals(0, printer.simulatedLabels().size());
        assertThrows(IllegalArgumentException.class, () -> new ZplLabelPrinter(settings("widthDots", "50")));
    }
}
