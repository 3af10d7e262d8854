package org.clutch.shop.devices.elm327;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.clutch.shop.devices.link.Link;
import org.clutch.shop.devices.link.Links;

/**
 * An ELM327 adapter and the car behind it, speaking the real AT/OBD protocol: echo until {@code ATE0}, answers
 * ended by the {@code >} prompt, {@code SEARCHING...} on the first request, CAN multi-frame answers as byte count
 * and numbered frames, and on request the {@link Quirk}s of adapters in the field. Serves a TCP port (as Wi-Fi adapters
 * do) or an in-memory link. Run it on its own with {@code java ... Elm327Simulator [port] [scenario] [quirk,...]} to
 * try any OBD app against it.
 */
public final class Elm327Simulator {

    /** What the simulated car does. */
    public enum Scenario {
        /** Four stored codes (multi-frame), one pending, one permanent, a freeze frame; VIN over CAN. */
        CODES_PRESENT,
        /** A healthy car: no codes, no freeze frame. */
        NO_CODES,
        /** Ignition off: the adapter answers AT commands but cannot reach the car. */
        ENGINE_OFF,
        /** The car answers nothing the reader asks. */
        NO_DATA,
        /** Codes present, but each answer takes 1.5 s, as cheap clones do. */
        SLOW,
        /** An older car on ISO 9141: VIN in five numbered lines, codes three to a line padded with 00 00. */
        LEGACY_PROTOCOL;

        public static Scenario named(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scenario \"" + name + "\" is not one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ".");
            }
        }
    }

    /** How the adapter itself misbehaves, as real Bluetooth, USB and Wi-Fi adapters do. */
    public enum Quirk {
        /** Prints its banner and a prompt as soon as the connection opens, before anything is asked. */
        GREETS,
        /** Prints a bare prompt as soon as the connection opens. */
        PROMPT_ON_CONNECT,
        /** Echoes ATZ at once but prints its banner only after resetting for most of a second. */
        SLOW_RESET,
        /** Sends another prompt a moment after each answer, which a reader takes for the next answer. */
        TRAILING_PROMPT
    }

    public static final String VIN = "1HGCM82633A004352";
    private static final long SLOW_ANSWER_MILLIS = 1500;
    private static final long RESET_MILLIS = 800;
    private static final String BANNER = "ELM327 v1.5";

    private final Scenario scenario;
    private final Set<Quirk> quirks;
    private volatile boolean codesCleared;

    public Elm327Simulator(Scenario scenario, Quirk... quirks) {
        this.scenario = scenario;
        this.quirks = quirks.length == 0 ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(List.of(quirks));
    }

    /** A listening adapter on the loopback address; port 0 picks a free one. */
    public Server listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket(port, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread conversation = new Thread(() -> {
                        try (client) {
                            converse(client.getInputStream(), client.getOutputStream());
                        } catch (IOException e) {
                            // the reader went away; the adapter waits for the next one
                        }
                    }, "ELM327 simulator conversation");
                    conversation.setDaemon(true);
                    conversation.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "ELM327 simulator on port " + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return new Server(socket);
    }

    /** A running simulated Wi-Fi adapter. */
    public static final class Server implements Closeable {
        private final ServerSocket socket;

        private Server(ServerSocket socket) {
            this.socket = socket;
        }

        public int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * A link straight to the simulator, for the desktop's "simulator" connection. NIO pipes, not piped streams:
     * the desktop asks from a new thread each time, and a piped stream breaks ("write end dead") once the thread
     * that last wrote to it has ended.
     */
    public Link connectInMemory() {
        try {
            Pipe toAdapter = Pipe.open();
            Pipe fromAdapter = Pipe.open();
            OutputStream readerOut = Channels.newOutputStream(toAdapter.sink());
            InputStream readerIn = Channels.newInputStream(fromAdapter.source());
            Thread adapter = new Thread(() -> {
                try (InputStream in = Channels.newInputStream(toAdapter.source());
                        OutputStream out = Channels.newOutputStream(fromAdapter.sink())) {
                    converse(in, out);
                } catch (IOException e) {
                    // the reader closed its end
                }
            }, "ELM327 simulator");
            adapter.setDaemon(true);
            adapter.start();
            return Links.streams(readerIn, readerOut, () -> {
                readerOut.close();
                readerIn.close();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads commands up to CR and answers each, until the reader closes the connection. */
    void converse(InputStream in, OutputStream out) throws IOException {
        boolean echo = true;
        boolean spaces = true;
        boolean searched = false;
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        if (quirks.contains(Quirk.GREETS)) {
            send(out, "\r\r" + BANNER + "\r\r>");
        } else if (quirks.contains(Quirk.PROMPT_ON_CONNECT)) {
            send(out, ">");
        }
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n' || b == ' ') {
                continue;
            }
            if (b != '\r') {
                command.write(b);
                continue;
            }
            String typed = command.toString(StandardCharsets.US_ASCII);
            command.reset();
            String request = typed.toUpperCase(Locale.ROOT);
            StringBuilder answer = new StringBuilder();
            if (echo) {
                answer.append(typed).append('\r');
            }
            if (request.startsWith("AT")) {
                switch (request) {
                    case "ATZ" -> {
                        echo = true;
                        spaces = true;
                        searched = false;
                        if (quirks.contains(Quirk.SLOW_RESET)) {
                            send(out, answer.toString());
                            answer.setLength(0);
                            sleep(RESET_MILLIS);
                        }
                        answer.append("\r\r" + BANNER + "\r");
                    }
                    case "ATE0" -> {
                        echo = false;
                        answer.append("OK\r");
                    }
                    case "ATE1" -> {
                        echo = true;
                        answer.append("OK\r");
                    }
                    case "ATS0", "ATS1" -> {
                        spaces = request.equals("ATS1");
                        answer.append("OK\r");
                    }
                    case "ATL0", "ATL1", "ATH0", "ATH1", "ATSP0", "ATAT1", "ATD" -> answer.append("OK\r");
                    case "ATI" -> answer.append(BANNER + "\r");
                    case "ATRV" -> answer.append(scenario == Scenario.ENGINE_OFF ? "12.4V\r" : "14.1V\r");
                    case "ATDPN" -> answer.append(scenario == Scenario.LEGACY_PROTOCOL ? "A3\r" : "A6\r");
                    default -> answer.append("?\r");
                }
            } else if (request.matches("([0-9A-F]{2})+")) {
                if (scenario == Scenario.SLOW) {
                    sleep(SLOW_ANSWER_MILLIS);
                }
                if (!searched) {
                    answer.append("SEARCHING...\r");
                    searched = scenario != Scenario.ENGINE_OFF;
                }
                for (String line : obd(request)) {
                    answer.append(spaces ? line : line.replace(" ", "")).append('\r');
                }
            } else {
                answer.append("?\r");
            }
            answer.append("\r>");
            send(out, answer.toString());
            if (quirks.contains(Quirk.TRAILING_PROMPT)) {
                sleep(20);
                send(out, "\r>");
            }
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private List<String> obd(String request) {
        if (scenario == Scenario.ENGINE_OFF) {
            return List.of("UNABLE TO CONNECT");
        }
        if (scenario == Scenario.NO_DATA) {
            return List.of("NO DATA");
        }
        boolean legacy = scenario == Scenario.LEGACY_PROTOCOL;
        boolean faults = scenario != Scenario.NO_CODES && !codesCleared;
        return switch (request) {
            case "0100" -> List.of("41 00 BE 3F A8 13");
            case "0902" -> legacy
                    ? List.of("49 02 01 00 00 00 31", "49 02 02 48 47 43 4D", "49 02 03 38 32 36 33",
                            "49 02 04 33 41 30 30", "49 02 05 34 33 35 32")
                    : List.of("014", "0: 49 02 01 31 48 47", "1: 43 4D 38 32 36 33 33", "2: 41 30 30 34 33 35 32");
            case "03" -> !faults ? List.of(legacy ? "43 00 00 00 00 00 00" : "43 00")
                    : legacy ? List.of("43 01 33 04 20 03 01", "43 01 71 00 00 00 00")
                    : List.of("00A", "0: 43 04 01 33 04 20", "1: 03 01 01 71 AA AA AA");
            case "07" -> List.of(faults ? (legacy ? "47 03 00 00 00 00 00" : "47 01 03 00") : (legacy ? "47 00 00 00 00 00 00" : "47 00"));
            case "0A" -> List.of(scenario == Scenario.NO_CODES ? "4A 00" : "4A 01 04 20");
            case "04" -> {
                codesCleared = true;
                yield List.of("44");
            }
            case "020200" -> List.of(faults ? "42 02 00 01 33" : "42 02 00 00 00");
            case "020400" -> faults ? List.of("42 04 00 66") : List.of("NO DATA");
            case "020500" -> faults ? List.of("42 05 00 7B") : List.of("NO DATA");
            case "020600" -> faults ? List.of("42 06 00 8C") : List.of("NO DATA");
            case "020700" -> faults ? List.of("42 07 00 85") : List.of("NO DATA");
            case "020C00" -> faults ? List.of("42 0C 00 1A F8") : List.of("NO DATA");
            case "020D00" -> faults ? List.of("42 0D 00 32") : List.of("NO DATA");
            default -> List.of("NO DATA");
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 35000;
        Scenario scenario = args.length > 1 ? Scenario.named(args[1]) : Scenario.CODES_PRESENT;
        Quirk[] quirks = args.length > 2 ? Arrays.stream(args[2].split(","))
                .map(q -> Quirk.valueOf(q.trim().toUpperCase(Locale.ROOT).replace('-', '_'))).toArray(Quirk[]::new) : new Quirk[0];
        try (Server server = new Elm327Simulator(scenario, quirks).listen(port)) {
            System.out.println("ELM327 simulator (" + scenario + ") on 127.0.0.1:" + server.port() + "; Ctrl+C stops it");
            Thread.currentThread().join();
        }
    }
}
