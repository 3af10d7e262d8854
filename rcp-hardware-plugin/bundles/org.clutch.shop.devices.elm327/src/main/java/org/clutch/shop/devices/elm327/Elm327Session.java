package org.clutch.shop.devices.elm327;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.clutch.shop.devices.DeviceException;
import org.clutch.shop.devices.link.Link;
import org.clutch.shop.devices.link.Links;

/**
 * The ELM327 command protocol: a command ends with CR, the adapter answers with lines and then its prompt
 * {@code >}. Echo, blank lines and the {@code SEARCHING...} it prints while finding the car's protocol are
 * dropped; the adapter's error words become exceptions people can act on.
 */
final class Elm327Session implements AutoCloseable {

    /** How long a reset, and each setting after it, may take: an adapter answers a reset only once it has restarted. */
    private static final long RESET_MILLIS = 3000;

    private final Link link;
    private final long timeoutMillis;

    Elm327Session(Link link, long timeoutMillis) {
        this.link = link;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Resets the adapter and sets it up as the decoder expects: echo, linefeeds and headers off, automatic protocol.
     * Real adapters greet when the connection opens, print a stale prompt, or answer a reset late and in pieces, so
     * each step reads on until the answer it expects (the reset's ELM327 banner, then OK) instead of taking the
     * first prompt for it. A greeting can pass for the reset's banner, so the settings get the reset's time too.
     */
    String initialise() {
        write("ATZ");
        String version = readUntil("ATZ", RESET_MILLIS,
                line -> line.toUpperCase(Locale.ROOT).startsWith("ELM327"), "did not answer ATZ as an ELM327 does");
        for (String setting : new String[] {"ATE0", "ATL0", "ATS1", "ATH0", "ATSP0"}) {
            write(setting);
            readUntil(setting, Math.max(timeoutMillis, RESET_MILLIS), "OK"::equals, "refused " + setting);
        }
        return version;
    }

    /**
     * Reads answers up to each prompt until a line {@code expected} accepts comes, skipping stale prompts, greetings
     * and late answers to earlier commands; an adapter that says {@code ?} or nothing fitting in time is refused.
     */
    private String readUntil(String command, long millis, Predicate<String> expected, String refusal) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        List<String> heard = new ArrayList<>();
        try {
            while (true) {
                List<String> answer = lines(command, readToPrompt(link.in(), deadline));
                heard.addAll(answer);
                for (String line : answer) {
                    if (expected.test(line)) {
                        return line;
                    }
                }
                if (answer.contains("?")) {
                    throw new DeviceException("The adapter " + refusal + ": " + heard);
                }
            }
        } catch (SocketTimeoutException e) {
            throw new DeviceException("The adapter " + refusal + " within " + millis + " ms: " + heard);
        } catch (IOException e) {
            throw broken(e);
        }
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
        write(command);
        try {
            return lines(command, readToPrompt(link.in(), System.nanoTime() + timeoutMillis * 1_000_000));
        } catch (SocketTimeoutException e) {
            throw timeout(command);
        } catch (IOException e) {
            throw broken(e);
        }
    }

    /** Writes one command, first throwing away whatever came unasked (so no answer is ever one command behind). */
    private void write(String command) {
        try {
            Links.discardWaiting(link.in());
            OutputStream out = link.out();
            out.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw broken(e);
        }
    }

    private static DeviceException broken(IOException e) {
        return new DeviceException("The OBD adapter connection broke: " + e.getMessage(), e);
    }

    /** Reads up to the next prompt; a link's own read time-out only ends the wait once {@code deadline} has passed. */
    private static String readToPrompt(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException();
            }
            int b;
            try {
                b = in.read();
            } catch (InterruptedIOException quiet) {
                continue;
            }
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
