package org.clutch.shop.devices.elm327;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.clutch.shop.devices.DeviceEvent;
import org.clutch.shop.devices.DeviceException;
import org.clutch.shop.devices.DeviceStatus;
import org.clutch.shop.devices.FreezeFrame;
import org.clutch.shop.devices.TroubleCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader against the simulated adapter over a real TCP socket, as with a Wi-Fi ELM327. */
class Elm327ReaderTest {

    private Elm327Simulator.Server adapter;
    private Elm327Reader reader;

    private Elm327Reader readerFor(Elm327Simulator.Scenario scenario, int timeoutMillis, Elm327Simulator.Quirk... quirks)
            throws Exception {
        adapter = new Elm327Simulator(scenario, quirks).listen(0);
        reader = new Elm327Reader(Map.of("connection", "tcp", "host", "127.0.0.1", "port", adapter.port(),
                "timeoutMillis", timeoutMillis));
        return reader;
    }

    @AfterEach
    void close() throws Exception {
        if (reader != null) {
            reader.disconnect();
        }
        if (adapter != null) {
            adapter.close();
        }
    }

    private static List<String> codes(List<TroubleCode> codes) {
        return codes.stream().map(TroubleCode::code).toList();
    }

    @Test
    void theBuiltInSimulatorAnswersWhicheverThreadAsks() throws Exception {
        // the desktop reads the car on one short-lived thread and clears its codes on another
        reader = new Elm327Reader(Map.of("connection", "simulator", "scenario", "codes-present"));
        CompletableFuture.runAsync(() -> assertEquals(Optional.of(Elm327Simulator.VIN), reader.readVin()),
                runnable -> new Thread(runnable).start()).get(10, TimeUnit.SECONDS);
        CompletableFuture.runAsync(reader::clearTroubleCodes, runnable -> new Thread(runnable).start())
                .get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), codes(reader.readTroubleCodes(TroubleCode.Kind.STORED)));
    }

    @Test
    void aCarWithCodesGivesItsVinCodesAndFreezeFrame() throws Exception {
        Elm327Reader obd = readerFor(Elm327Simulator.Scenario.CODES_PRESENT, 3000);
        DeviceStatus status = obd.connect();
        assertEquals(DeviceStatus.State.CONNECTED, status.state());
        assertTrue(status.message().startsWith("ELM327 v1.5"), status.message());

        assertEquals(Optional.of(Elm327Simulator.VIN), obd.readVin());
        List<TroubleCode> stored = obd.readTroubleCodes(TroubleCode.Kind.STORED);
        assertEquals(List.of("P0133", "P0420", "P0301", "P0171"), codes(stored), "four codes over two CAN frames");
        assertEquals("O2 sensor circuit slow response (bank 1 sensor 1)", stored.get(0).description());
        assertEquals(List.of("Catalytic converter", "Oxygen sensor"), stored.get(1).partsToCheck());
        assertEquals(List.of("P0300"), codes(obd.readTroubleCodes(TroubleCode.Kind.PENDING)));
        assertEquals(List.of("P0420"), codes(obd.readTroubleCodes(TroubleCode.Kind.PERMANENT)));

        FreezeFrame frame = obd.readFreezeFrame();
        assertEquals("P0133", frame.troubleCode());
        assertEquals(List.of(new FreezeFrame.Reading("Engine load", 40.0, "%"),
                new FreezeFrame.Reading("Coolant temperature", 83.0, "°C"),
                new FreezeFrame.Reading("Short-term fuel trim (bank 1)", 9.4, "%"),
                new FreezeFrame.Reading("Long-term fuel trim (bank 1)", 3.9, "%"),
                new FreezeFrame.Reading("Engine speed", 1726.0, "rpm"),
                new FreezeFrame.Reading("Vehicle speed", 50.0, "km/h")), frame.readings(),
                "throttle position answered NO DATA and is left out");
    }

    @Test
    void clearingRemovesStoredAndPendingCodesButNotPermanentOnes() throws Exception {
        Elm327Reader obd = readerFor(Elm327Simulator.Scenario.CODES_PRESENT, 3000);
        obd.clearTroubleCodes();

        assertEquals(List.of(), obd.readTroubleCodes(TroubleCode.Kind.STORED));
        assertEquals(List.of(), obd.readTroubleCodes(TroubleCode.Kind.PENDING));
        assertEquals(List.of("P0420"), codes(obd.readTroubleCodes(TroubleCode.Kind.PERMANENT)),
                "permanent codes stay until the car's own monitors pass");
        assertNull(obd.readFreezeFrame().troubleCode());
    }

    @Test
    void anOlderProtocolSendsVinAndCodesLineByLine() throws Exception {
        Elm327Reader obd = readerFor(Elm327Simulator.Scenario.LEGACY_PROTOCOL, 3000);
        assertEquals(Optional.of(Elm327Simulator.VIN), obd.readVin());
        assertEquals(List.of("P0133", "P0420", "P0301", "P0171"), codes(obd.readTroubleCodes(TroubleCode.Kind.STORED)));
        assertEquals(List.of("P0300"), codes(obd.readTroubleCodes(TroubleCode.Kind.PENDING)));
    }

    @Test
    void withTheIgnitionOffTheAdapterAnswersButTheCarDoesNot() throws Exception {
        Elm327Reader obd = readerFor(Elm327Simulator.Scenario.ENGINE_OFF, 3000);
        assertEquals(DeviceStatus.State.CONNECTED, obd.connect().state());
        DeviceException noCar = assertThrows(DeviceException.class, obd::readVin);
        assertTrue(noCar.getMessage().contains("UNABLE TO CONNECT") && noCar.getMessage().contains("ignition"), noCar.getMessage());
    }

    @Test
    void noDataMeansNothingToReportNotAnError() throws Exception {
        Elm327Reader obd = readerFor(Elm327Simulator.Scenario.NO_DATA, 3000);
        assertEquals(Optional.empty(), obd.readVin());
        assertEquals(List.of(), obd.readTroubleCodes(TroubleCode.Kind.STORED));
        assertNull(obd.readFreezeFrame().troubleCode());
    }

    @Test
    void aSlowAdapterPastTheTimeoutIsReportedLostAndOneWithinItIsRead() throws Exception {
        Elm327Reader impatient = readerFor(Elm327Simulator.Scenario.SLOW, 1000);
        List<DeviceEvent> events = new ArrayList<>();
        impatient.addListener(events::add);
        assertEquals(DeviceStatus.State.CONNECTED, impatient.connect().state(), "AT commands are quick");

        DeviceException timeout = assertThrows(DeviceException.class, impatient::readVin);
        assertEquals("No answer to 0902 within 1000 ms: the adapter may be slow, asleep or out of reach.", timeout.getMessage());
        assertEquals(DeviceStatus.State.ERROR, impatient.status().state());
        assertEquals(List.of(DeviceEvent.Kind.CONNECTED, DeviceEvent.Kind.LOST), events.stream().map(DeviceEvent::kind).toList());

        Elm327Reader patient = new Elm327Reader(Map.of("connection", "tcp", "host", "127.0.0.1", "port", adapter.port()));
        try {
            assertEquals(Optional.of(Elm327Simulator.VIN), patient.readVin());
        } finally {
            patient.disconnect();
        }
    }

    /** Adapters in the field greet when the connection opens, with their banner, echo on. */
    @Test
    void anAdapterThatGreetsWithItsBannerIsResetAndReadAnswerForAnswer() throws Exception {
        readsAnswerForAnswerAfter(Elm327Simulator.Quirk.GREETS);
    }

    @Test
    void anAdapterThatGreetsWithABarePromptIsResetAndReadAnswerForAnswer() throws Exception {
        readsAnswerForAnswerAfter(Elm327Simulator.Quirk.PROMPT_ON_CONNECT);
    }

    private void readsAnswerForAnswerAfter(Elm327Simulator.Quirk greeting) throws Exception {
        Elm327Reader obd = readerFor(Elm327Simulator.Scenario.CODES_PRESENT, 1000, greeting);
        assertEquals(DeviceStatus.State.CONNECTED, obd.connect().state(), obd.status().message());
        assertTrue(obd.status().message().startsWith("ELM327 v1.5"), obd.status().message());
        assertEquals(Optional.of(Elm327Simulator.VIN), obd.readVin());
        assertEquals(List.of("P0133", "P0420", "P0301", "P0171"), codes(obd.readTroubleCodes(TroubleCode.Kind.STORED)));
        assertEquals(List.of("P0300"), codes(obd.readTroubleCodes(TroubleCode.Kind.PENDING)));
    }

    @Test
    void anAdapterThatGreetsAndResetsSlowlyIsWaitedFor() throws Exception {
        Elm327Reader obd = readerFor(Elm327Simulator.Scenario.CODES_PRESENT, 500,
                Elm327Simulator.Quirk.GREETS, Elm327Simulator.Quirk.SLOW_RESET);
        assertEquals(DeviceStatus.State.CONNECTED, obd.connect().state(), obd.status().message());
        assertEquals(Optional.of(Elm327Simulator.VIN), obd.readVin());
        assertEquals(List.of("P0133", "P0420", "P0301", "P0171"), codes(obd.readTroubleCodes(TroubleCode.Kind.STORED)));
    }

    @Test
    void strayPromptsAfterAnswersNeverPutTheReaderOneAnswerBehind() throws Exception {
        Elm327Reader obd = readerFor(Elm327Simulator.Scenario.CODES_PRESENT, 1000, Elm327Simulator.Quirk.TRAILING_PROMPT);
        assertEquals(DeviceStatus.State.CONNECTED, obd.connect().state(), obd.status().message());
        for (int round = 0; round < 3; round++) {
            Thread.sleep(100); // a clerk reads the screen between requests; the stray prompt has come by then
            assertEquals(Optional.of(Elm327Simulator.VIN), obd.readVin());
            Thread.sleep(100);
            assertEquals(List.of("P0300"), codes(obd.readTroubleCodes(TroubleCode.Kind.PENDING)));
            Thread.sleep(100);
            assertEquals(List.of("P0420"), codes(obd.readTroubleCodes(TroubleCode.Kind.PERMANENT)));
        }
    }

    @Test
    void theBuiltInSimulatorNeedsNoNetwork() {
        reader = new Elm327Reader(Map.of("connection", "simulator", "scenario", "no-codes"));
        assertEquals(Optional.of(Elm327Simulator.VIN), reader.readVin());
        assertEquals(List.of(), reader.readTroubleCodes(TroubleCode.Kind.STORED));
        assertEquals("ELM327 OBD2 reader, simulator (no codes)", reader.description());
    }

    @Test
    void aCutShortMultiFrameAnswerIsRefused() {
        DeviceException cut = assertThrows(DeviceException.class,
                () -> ObdMessages.messages(List.of("014", "0: 49 02 01 31 48 47", "1: 43 4D 38 32 36 33 33")));
        assertEquals("The car's answer was cut short: 13 of 20 bytes.", cut.getMessage());
    }

    /**
     * A USB or Bluetooth adapter is a serial port: socat makes a pseudo-terminal whose other end is the simulated
     * adapter's socket, and the reader talks to it through jSerialComm as to a real one.
     */
    @Test
    void anAdapterOnASerialPortAnswersThroughJSerialComm(@TempDir Path directory) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat makes the serial line (apt install socat)");
        adapter = new Elm327Simulator(Elm327Simulator.Scenario.CODES_PRESENT).listen(0);
        Path port = directory.resolve("rfcomm0");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + port, "tcp:127.0.0.1:" + adapter.port())
                .redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(port); i++) {
                Thread.sleep(50);
            }
            reader = new Elm327Reader(Map.of("connection", "serial", "serialPort", port.toString(), "baudRate", 38400,
                    "timeoutMillis", 3000));
            assertEquals(DeviceStatus.State.CONNECTED, reader.connect().state(), reader.status().message());
            assertEquals(Optional.of(Elm327Simulator.VIN), reader.readVin());
            assertEquals(List.of("P0133", "P0420", "P0301", "P0171"), codes(reader.readTroubleCodes(TroubleCode.Kind.STORED)));
        } finally {
            reader.disconnect();
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
