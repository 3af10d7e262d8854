package org.clutch.shop.devices.elm327;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.clutch.shop.devices.DeviceException;
import org.clutch.shop.devices.link.Link;

/**
 * The ELM327 command protocol: a command ends with CR, the adapter answers with lines and then its prompt
 * {@code >}. Echo, blank lines and the {@code SEARCHING...} it prints while finding the car's protocol are
 * dropped; the adapter's error words become exceptions people can act on.
 */
final class Elm327Session implements AutoCloseable {

    private final Link link;
    private final long timeoutMillis;

    Elm327Session(Link link, long timeoutMillis) {
        this.link = link;
        this.timeoutMillis = timeoutMillis;
    }

    /** Resets the adapter and sets it up as the decoder expects: echo, linefeeds and headers off, automatic protocol. */
    String initialise() {
        List<String> reset = send("ATZ");
        String version = reset.stream().filter(l -> l.toUpperCase(Locale.ROOT).startsWith("ELM327")).findFirst()
                .orElseThrow(() -> new DeviceException("The adapter did not answer ATZ as an ELM327 does: " + reset));
        for (String setting : new String[] {"ATE0", "ATL0", "ATS1", "ATH0", "ATSP0"}) {
            List<String> answer = send(setting);
            if (!answer.contains("OK")) {
                throw new DeviceException("The adapter refused " + setting + ": " + answer);
            }
        }
        return version;
    }

    /**
     * An OBD request ("0902", "03"...): the answer lines, or an empty list for NO DATA (the car has nothing to say
     * to that request).
     */
    List<String> request(String command) {
        List<String> lines = send(command);
        for (String line : lines) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.contains("UNABLE TO CONNECT") || upper.contains("BUS INIT") && upper.contains("ERROR")
                    || upper.contains("CAN ERROR") || upper.contains("BUS ERROR")) {
                throw new DeviceException("The adapter cannot talk to the car (" + line.trim()
                        + "): is the ignition on and the adapter fully in the socket?");
            }
            if (upper.equals("?")) {
                throw new DeviceException("The adapter did not understand " + command + ".");
            }
            if (upper.equals("STOPPED")) {
                throw new DeviceException("The adapter stopped answering " + command + "; try again.");
            }
        }
        if (lines.size() == 1 && lines.get(0).equalsIgnoreCase("NO DATA")) {
            return List.of();
        }
        return lines;
    }

    /** Sends one command and reads up to the prompt; the answer must come within the timeout. */
    List<String> send(String command) {
        try {
            OutputStream out = link.out();
            out.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return lines(command, readToPrompt(link.in()));
        } catch (SocketTimeoutException e) {
            throw timeout(command);
        } catch (IOException e) {
            throw new DeviceException("The OBD adapter connection broke: " + e.getMessage(), e);
        }
    }

    private String readToPrompt(InputStream in) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException();
            }
            int b = in.read();
            if (b < 0) {
                throw new IOException("the adapter closed the connection");
            }
            if (b == '>') {
                return answer.toString(StandardCharsets.US_ASCII);
            }
            if (b != 0) {
                answer.write(b);
            }
        }
    }

    private static List<String> lines(String command, String answer) {
        List<String> lines = new ArrayList<>();
        for (String line : answer.split("[\r\n]+")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.equalsIgnoreCase(command) || trimmed.toUpperCase(Locale.ROOT).startsWith("SEARCHING")) {
                continue;
            }
            lines.add(trimmed);
        }
        return lines;
    }

    private DeviceException timeout(String command) {
        return new DeviceException("No answer to " + command + " within " + timeoutMillis + " ms: the adapter may be slow, "
                + "asleep or out of reach.");
    }

    @Override
    public void close() {
        link.close();
    }
}
