package org.clutch.shop.devices.printing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.clutch.shop.devices.AbstractDevice;
import org.clutch.shop.devices.DeviceException;
import org.clutch.shop.devices.DeviceStatus;
import org.clutch.shop.devices.link.Link;
import org.clutch.shop.devices.link.LinkSettings;
import org.clutch.shop.devices.link.Links;

/**
 * A printer that is sent whole jobs: each job is rendered into memory first and sent over one connection, so a
 * printer that drops off the network never gets half a job from us. With {@code connection=simulator} the last
 * jobs' bytes are kept instead, for tests and for a shop trying the desktop without the printer.
 */
public abstract class AbstractPrinter extends AbstractDevice {

    private static final int SIMULATOR_JOBS_KEPT = 20;

    private final List<byte[]> simulatedJobs = new CopyOnWriteArrayList<>();

    /** How to reach the printer, from its current configuration. */
    protected abstract LinkSettings link();

    /** What the printer is, for messages: "receipt printer". */
    protected abstract String kind();

    /** Checks the printer can be reached (a TCP connection, the serial port opens, the file can be written). */
    @Override
    public DeviceStatus connect() {
        if (link().kind() == LinkSettings.Kind.SIMULATOR) {
            connected("simulator");
        } else {
            try (Link link = Links.open(link())) {
                connected("ready at " + link().describe());
            } catch (DeviceException e) {
                lost(e.getMessage());
            }
        }
        return status();
    }

    @Override
    public void disconnect() {
        disconnected();
    }

    protected void send(byte[] job) {
        LinkSettings settings = link();
        if (settings.kind() == LinkSettings.Kind.SIMULATOR) {
            if (simulatedJobs.size() >= SIMULATOR_JOBS_KEPT) {
                simulatedJobs.remove(0);
            }
            simulatedJobs.add(job);
            connected("simulator");
            return;
        }
        try (Link link = Links.open(settings)) {
            link.out().write(job);
            link.out().flush();
            connected("ready at " + settings.describe());
        } catch (DeviceException e) {
            lost(e.getMessage());
            throw e;
        } catch (IOException e) {
            lost("The " + kind() + " stopped answering: " + e.getMessage());
            throw new DeviceException("The " + kind() + " at " + settings.describe() + " stopped answering: "
                    + e.getMessage(), e);
        }
    }

    /** The bytes of the last jobs a simulated printer received, oldest first. */
    protected List<byte[]> simulatedJobs() {
        return List.copyOf(simulatedJobs);
    }
}
