package org.clutch.shop.devices.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.clutch.shop.devices.AbstractDevice;
import org.clutch.shop.devices.BarcodeScanner;
import org.clutch.shop.devices.DeviceException;
import org.clutch.shop.devices.DeviceStatus;
import org.clutch.shop.devices.Gtin;
import org.clutch.shop.devices.link.Link;
import org.clutch.shop.devices.link.LinkSettings;
import org.clutch.shop.devices.link.Links;

/**
 * A scanner on a serial port (9600 baud by default, as most ship) or on the network (TCP, port 9004 by default),
 * sending each code as a line ended by CR and/or LF; or the simulator, which only reads what it is fed. While
 * connected a reader thread takes the lines; when the scanner is unplugged it is reported lost and looked for
 * again every {@code retryMillis} (2000) until it is back or the driver is stopped.
 */
public final class SerialBarcodeScanner extends AbstractDevice implements BarcodeScanner {

    private static final int LONGEST_CODE = 128;
    private static final long GREETING_MILLIS = 300;

    private final List<Consumer<String>> scanListeners = new CopyOnWriteArrayList<>();
    private volatile LinkSettings link;
    private volatile int retryMillis;
    private volatile boolean wanted;
    private Thread reader;

    /** For Declarative Services, which then calls {@link #activate(Map)}. */
    public SerialBarcodeScanner() {
    }

    public SerialBarcodeScanner(Map<String, ?> configuration) {
        activate(configuration);
    }

    public void activate(Map<String, ?> configuration) {
        link = LinkSettings.from(configuration, 9004, 9600, 1000);
        retryMillis = LinkSettings.number(configuration, "retryMillis", 2000);
    }

    public void deactivate() {
        disconnect();
    }

    @Override
    public String id() {
        return "barcode-scanner";
    }

    @Override
    public String description() {
        return "Barcode scanner, " + link.describe();
    }

    @Override
    public synchronized DeviceStatus connect() {
        if (link.kind() == LinkSettings.Kind.SIMULATOR) {
            connected("simulator: feed it codes");
            return status();
        }
        if (link.kind() == LinkSettings.Kind.FILE) {
            lost("A scanner is read from a serial port or the network, not a file.");
            return status();
        }
        if (reader == null) {
            wanted = true;
            reader = Thread.ofPlatform().daemon().name("barcode scanner " + link.describe()).start(this::readWhileWanted);
        }
        return status();
    }

    @Override
    public synchronized void disconnect() {
        wanted = false;
        if (reader != null) {
            reader.interrupt();
            try {
                reader.join(link.timeoutMillis() + 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader = null;
        }
        disconnected();
    }

    @Override
    public void addScanListener(Consumer<String> listener) {
        scanListeners.add(listener);
    }

    @Override
    public void removeScanListener(Consumer<String> listener) {
        scanListeners.remove(listener);
    }

    @Override
    public void feed(String code) {
        String scanned = code == null ? "" : code.strip();
        if (scanned.isEmpty()) {
            return;
        }
        if (Gtin.isMisread(scanned)) {
            error(Gtin.misreadMessage(scanned));
            return;
        }
        for (Consumer<String> listener : scanListeners) {
            listener.accept(scanned);
        }
    }

    private void readWhileWanted() {
        while (wanted) {
            try (Link open = Links.open(link)) {
                ignoreGreeting(open.in());
                if (!wanted) {
                    return;
                }
                connected("reading " + link.describe());
                readLines(open.in());
                if (wanted) {
                    lost("The scanner at " + link.describe() + " closed the connection.");
                }
            } catch (DeviceException | IOException e) {
                if (wanted) {
                    lost(e.getMessage());
                }
            }
            pause();
        }
    }

    /**
     * Some scanners greet when the connection opens (a banner, a firmware version), which would be taken for a scan:
     * what arrives in the first moments, before anyone could have scanned, is thrown away.
     */
    private static void ignoreGreeting(InputStream in) throws IOException {
        try {
            Thread.sleep(GREETING_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Links.discardWaiting(in);
    }

    /** Reads until the link ends or breaks; read time-outs only mean nobody is scanning. */
    private void readLines(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        byte[] buffer = new byte[256];
        while (wanted) {
            int read;
            try {
                read = in.read(buffer);
            } catch (InterruptedIOException idle) {
                // a socket's or a serial port's read time-out: nobody is scanning
                continue;
            }
            if (read < 0) {
                return;
            }
            for (int i = 0; i < read; i++) {
                char c = (char) (buffer[i] & 0xFF);
                if (c == '\r' || c == '\n') {
                    feed(line.toString());
                    line.setLength(0);
                } else if (line.length() < LONGEST_CODE) {
                    line.append(c);
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wanted = false;
        }
    }
}
