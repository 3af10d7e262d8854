package org.clutch.shop.devices.link;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;

import org.clutch.shop.devices.DeviceException;

import com.fazecast.jSerialComm.SerialPort;

/** Opens the link its settings describe. Simulators are opened by their drivers, not here. */
public final class Links {

    private Links() {
    }

    public static Link open(LinkSettings settings) {
        return switch (settings.kind()) {
            case TCP -> tcp(settings);
            case SERIAL -> serial(settings);
            case FILE -> file(settings);
            case QUEUE -> PrintQueueLink.open(settings);
            case SIMULATOR -> throw new IllegalStateException("a simulator is opened by its driver");
        };
    }

    /** The serial ports this computer has now (USB adapters included), as their system names such as COM3 or /dev/ttyUSB0. */
    public static List<String> serialPorts() {
        return Arrays.stream(SerialPort.getCommPorts()).map(SerialPort::getSystemPortPath).sorted().toList();
    }

    private static Link tcp(LinkSettings settings) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), settings.timeoutMillis());
            socket.setSoTimeout(settings.timeoutMillis());
            socket.setTcpNoDelay(true);
            return streams(socket.getInputStream(), socket.getOutputStream(), socket::close);
        } catch (IOException e) {
            closeQuietly(socket::close);
            throw new DeviceException("No answer from " + settings.describe() + ": " + e.getMessage(), e);
        }
    }

    private static Link serial(LinkSettings settings) {
        SerialPort port = SerialPort.getCommPort(settings.serialPort());
        port.setComPortParameters(settings.baudRate(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                settings.timeoutMillis(), settings.timeoutMillis());
        if (!port.openPort()) {
            throw new DeviceException("Serial port " + settings.serialPort() + " cannot be opened (unplugged, in use, or no permission).");
        }
        return streams(port.getInputStream(), port.getOutputStream(), port::closePort);
    }

    /** A device file (/dev/usb/lp0) or a plain file that collects what is sent: write only. */
    private static Link file(LinkSettings settings) {
        try {
            FileOutputStream out = new FileOutputStream(settings.path(), true);
            return streams(InputStream.nullInputStream(), out, out::close);
        } catch (IOException e) {
            throw new DeviceException("Cannot write to " + settings.path() + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface Closer {
        void close() throws Exception;
    }

    /** A link over a pair of streams; {@code closer} releases what lies under them. */
    public static Link streams(InputStream in, OutputStream out, Closer closer) {
        return new Link() {
            @Override
            public InputStream in() {
                return in;
            }

            @Override
            public OutputStream out() {
                return out;
            }

            @Override
            public void close() {
                closeQuietly(closer);
            }
        };
    }

    /**
     * Throws away what the device has sent that nobody asked for yet: a greeting printed when the connection opened,
     * or the rest of an answer that came after its time-out. Only what has already arrived; it never waits.
     */
    public static void discardWaiting(InputStream in) throws IOException {
        for (int waiting = in.available(); waiting > 0; waiting = in.available()) {
            in.skipNBytes(waiting);
        }
    }

    private static void closeQuietly(Closer closer) {
        try {
            closer.close();
        } catch (Exception ignored) {
            // closing a link that already broke has nothing left to report
        }
    }
}
