package org.clutch.shop.devices.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.clutch.shop.devices.DeviceEvent;
import org.clutch.shop.devices.DeviceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialBarcodeScannerTest {

    private final BlockingQueue<String> scans = new LinkedBlockingQueue<>();
    private final BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();

    @TempDir
    Path directory;

    private SerialBarcodeScanner scanner(String... pairs) {
        Map<String, Object> settings = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        SerialBarcodeScanner scanner = new SerialBarcodeScanner(settings);
        scanner.addScanListener(scans::add);
        scanner.addListener(events::add);
        return scanner;
    }

    private String nextScan() throws InterruptedException {
        return scans.poll(10, TimeUnit.SECONDS);
    }

    private DeviceEvent nextEvent() throws InterruptedException {
        return events.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void theSimulatorPassesFedCodesAndRefusesMisreads() throws Exception {
        SerialBarcodeScanner scanner = scanner("connection", "simulator");
        assertEquals(DeviceStatus.State.CONNECTED, scanner.connect().state());
        assertEquals(DeviceEvent.Kind.CONNECTED, nextEvent().kind());

        scanner.feed(" 4006633041126 ");
        scanner.feed("4006633041125");
        scanner.feed("BP-1044");

        assertEquals("4006633041126", nextScan());
        assertEquals("BP-1044", nextScan(), "the misread never reached the till");
        DeviceEvent misread = nextEvent();
        assertEquals(DeviceEvent.Kind.ERROR, misread.kind());
        assertTrue(misread.message().contains("4006633041125"), misread.message());
        assertEquals(DeviceStatus.State.CONNECTED, scanner.status().state(), "a misread is not a lost scanner");
    }

    @Test
    void aNetworkScannerIsReadLineByLineAndFoundAgainAfterItWasUnplugged() throws Exception {
        try (ServerSocket scannerPort = new ServerSocket(0)) {
            SerialBarcodeScanner scanner = scanner("connection", "tcp", "host", "127.0.0.1",
                    "port", String.valueOf(scannerPort.getLocalPort()), "retryMillis", "100");
            scanner.connect();
            try {
                try (Socket link = scannerPort.accept(); OutputStream out = link.getOutputStream()) {
                    assertEquals(DeviceEvent.Kind.CONNECTED, nextEvent().kind());
                    out.write("4006633041126\r\nBP-10".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    assertEquals("4006633041126", nextScan());
                    out.write("44\n036000291452\r".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    assertEquals("BP-1044", nextScan(), "a code split over two reads is one scan");
                    assertEquals("036000291452", nextScan());
                }
                DeviceEvent lost = nextEvent();
                assertEquals(DeviceEvent.Kind.LOST, lost.kind());
                assertEquals(DeviceStatus.State.ERROR, scanner.status().state());

                try (Socket link = scannerPort.accept(); OutputStream out = link.getOutputStream()) {
                    assertEquals(DeviceEvent.Kind.CONNECTED, nextEvent().kind(), "plugged back in, found again");
                    out.write("OF-2231\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    assertEquals("OF-2231", nextScan());
                }
            } finally {
                scanner.disconnect();
            }
            assertEquals(DeviceStatus.State.DISCONNECTED, scanner.status().state());
        }
    }

    @Test
    void aScannerThatGreetsWhenConnectedHasItsGreetingTakenForNoScan() throws Exception {
        try (ServerSocket scannerPort = new ServerSocket(0)) {
            SerialBarcodeScanner scanner = scanner("connection", "tcp", "host", "127.0.0.1",
                    "port", String.valueOf(scannerPort.getLocalPort()), "retryMillis", "100");
            scanner.connect();
            try (Socket link = scannerPort.accept(); OutputStream out = link.getOutputStream()) {
                out.write("NETSCAN 2.1 READY\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals(DeviceEvent.Kind.CONNECTED, nextEvent().kind());
                out.write("4006633041126\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals("4006633041126", nextScan(), "the first scan is the first code, not the greeting");
                assertEquals(List.of(), List.copyOf(scans));
            } finally {
                scanner.disconnect();
            }
        }
    }

    /** A serial scanner on one end of a pseudo-terminal pair made by socat; the test types on the other end. */
    @Test
    void aSerialScannerIsReadThroughJSerialComm() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat makes the serial line (apt install socat)");
        Path device = directory.resolve("scanner");
        Path other = directory.resolve("host");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + other)
                .redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !(Files.exists(device) && Files.exists(other)); i++) {
                Thread.sleep(50);
            }
            SerialBarcodeScanner scanner = scanner("connection", "serial", "serialPort", device.toString(),
                    "baudRate", "9600", "retryMillis", "100");
            scanner.connect();
            try {
                assertEquals(DeviceEvent.Kind.CONNECTED, nextEvent().kind());
                Files.writeString(other, "5901234123457\r\n", StandardCharsets.US_ASCII);
                assertEquals("5901234123457", nextScan());
                assertEquals(List.of(), List.copyOf(scans));
            } finally {
                scanner.disconnect();
            }
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
