package org.clutch.shop.devices.elm327;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.clutch.shop.devices.AbstractDevice;
import org.clutch.shop.devices.DeviceException;
import org.clutch.shop.devices.DeviceStatus;
import org.clutch.shop.devices.FreezeFrame;
import org.clutch.shop.devices.TroubleCode;
import org.clutch.shop.devices.VehicleDiagnostics;
import org.clutch.shop.devices.link.LinkSettings;
import org.clutch.shop.devices.link.Links;

/**
 * An OBD2 reader through an ELM327 adapter: over TCP (Wi-Fi adapters listen on port 35000), a serial port (USB
 * and Bluetooth adapters, 38400 baud), or the built-in simulator ({@code connection=simulator}, {@code scenario}
 * one of {@link Elm327Simulator.Scenario}). The connection stays open between requests, as the adapter expects;
 * {@code timeoutMillis} (default 5000) bounds each answer, since cheap adapters are slow.
 */
public final class Elm327Reader extends AbstractDevice implements VehicleDiagnostics {

    private LinkSettings link;
    private Elm327Simulator.Scenario scenario;
    private Elm327Session session;

    /** For Declarative Services, which then calls {@link #activate(Map)}. */
    public Elm327Reader() {
    }

    public Elm327Reader(Map<String, ?> configuration) {
        activate(configuration);
    }

    public synchronized void activate(Map<String, ?> configuration) {
        link = LinkSettings.from(configuration, 35000, 38400, 5000);
        Object named = configuration.get("scenario");
        scenario = named == null ? Elm327Simulator.Scenario.CODES_PRESENT : Elm327Simulator.Scenario.named(named.toString());
    }

    public synchronized void deactivate() {
        disconnect();
    }

    @Override
    public String id() {
        return "obd-reader";
    }

    @Override
    public String description() {
        return "ELM327 OBD2 reader, " + (link.kind() == LinkSettings.Kind.SIMULATOR
                ? "simulator (" + scenario.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")" : link.describe());
    }

    @Override
    public synchronized DeviceStatus connect() {
        if (session != null) {
            return status();
        }
        try {
            Elm327Session opened = new Elm327Session(link.kind() == LinkSettings.Kind.SIMULATOR
                    ? new Elm327Simulator(scenario).connectInMemory() : Links.open(link), link.timeoutMillis());
            try {
                String version = opened.initialise();
                session = opened;
                connected(version + " at " + link.describe());
            } catch (DeviceException e) {
                opened.close();
                throw e;
            }
        } catch (DeviceException e) {
            lost(e.getMessage());
        }
        return status();
    }

    @Override
    public synchronized void disconnect() {
        if (session != null) {
            session.close();
            session = null;
        }
        disconnected();
    }

    @Override
    public Optional<String> readVin() {
        return ask(s -> ObdMessages.vin(s.request("0902")));
    }

    @Override
    public List<TroubleCode> readTroubleCodes(TroubleCode.Kind kind) {
        return ask(s -> switch (kind) {
            case STORED -> ObdMessages.troubleCodes(s.request("03"), 0x43, kind);
            case PENDING -> ObdMessages.troubleCodes(s.request("07"), 0x47, kind);
            case PERMANENT -> ObdMessages.troubleCodes(s.request("0A"), 0x4A, kind);
        });
    }

    @Override
    public void clearTroubleCodes() {
        ask(s -> {
            List<String> answer = s.request("04");
            if (ObdMessages.messages(answer).stream().noneMatch(m -> m.length > 0 && (m[0] & 0xFF) == 0x44)) {
                throw new DeviceException("The car did not confirm clearing the codes (engine running? some cars only "
                        + "clear with the ignition on and the engine off): " + answer);
            }
            return null;
        });
    }

    @Override
    public FreezeFrame readFreezeFrame() {
        return ask(s -> {
            int[] cause = ObdMessages.freezeFrameData(s.request("020200"), 0x02);
            String code = cause == null || cause.length < 2 ? null : org.clutch.shop.devices.TroubleCodes.decode(cause[0], cause[1]);
            List<FreezeFrame.Reading> readings = new ArrayList<>();
            if (code != null) {
                for (ObdMessages.FreezeFramePid pid : ObdMessages.FreezeFramePid.values()) {
                    int[] data = ObdMessages.freezeFrameData(s.request(String.format("02%02X00", pid.pid)), pid.pid);
                    if (data != null && data.length >= (pid == ObdMessages.FreezeFramePid.RPM ? 2 : 1)) {
                        readings.add(pid.reading(data));
                    }
                }
            }
            return new FreezeFrame(code, readings);
        });
    }

    /** Runs a request on the open session (connecting first); a broken link marks the reader lost. */
    private synchronized <T> T ask(Function<Elm327Session, T> request) {
        if (session == null && !connect().isConnected()) {
            throw new DeviceException(status().message());
        }
        try {
            return request.apply(session);
        } catch (DeviceException e) {
            if (e.getCause() != null || e.getMessage().startsWith("No answer")) {
                session.close();
                session = null;
                lost(e.getMessage());
            }
            throw e;
        }
    }
}
