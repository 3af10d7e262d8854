package org.clutch.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridges file as an operator writes it: read per partner, and a mistake named rather than half taken. */
class PartnerBridgesTest {

    private static final UUID FLEET = UUID.fromString("10000000-0000-0000-0000-000000000002");

    @TempDir
    Path directory;

    @Test
    void eachPartnersBridgeIsReadFromItsKeys() throws Exception {
        Map<UUID, PartnerBridges.Bridge> bridges = PartnerBridges.read(write("""
                # Demo Fleet Services' own broker
                10000000-0000-0000-0000-000000000002.url = tcp://fleet.example:61616
                10000000-0000-0000-0000-000000000002.address = clutch.events
                10000000-0000-0000-0000-000000000002.user = clutch
                10000000-0000-0000-0000-000000000002.password = s3cret=with=equals
                """));
        assertEquals(Map.of(FLEET, new PartnerBridges.Bridge(FLEET, "tcp://fleet.example:61616", "clutch.events", "clutch",
                "s3cret=with=equals")), bridges);
        assertEquals("partner-bridge-" + FLEET, bridges.get(FLEET).name());
    }

    @Test
    void aBridgeWithoutAnAddressOrForSomethingNotAPartnerIdIsRefusedByName() throws Exception {
        assertEquals("the bridge of partner " + FLEET + " has no address", assertThrows(IllegalArgumentException.class,
                () -> PartnerBridges.read(write(FLEET + ".url=tcp://fleet.example:61616\n"))).getMessage());
        assertEquals("'fleet' is not a partner tenant id", assertThrows(IllegalArgumentException.class,
                () -> PartnerBridges.read(write("fleet.url=tcp://x:1\nfleet.address=a\n"))).getMessage());
        assertEquals("'url' is not <partner tenant id>.url|address|user|password", assertThrows(IllegalArgumentException.class,
                () -> PartnerBridges.read(write("url=tcp://x:1\n"))).getMessage());
    }

    @Test
    void aFileThatCannotBeReadIsReportedOncePerVersionNotAtEveryCheck() throws Exception {
        Path file = write(FLEET + ".url=tcp://fleet.example:61616\n");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(PartnerBridges.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord entry) {
                if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(entry.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        // the file is refused before any bridge is touched, so no broker is needed
        try (PartnerBridges bridges = PartnerBridges.follow(null, file, 10)) {
            Thread.sleep(300); // about 30 checks
            assertEquals(1, warnings.size(), warnings.toString());
            // the next version appears whole, with a time of its own (written in place, the file would show a
            // version between the writing and the setting of its time: a third warning, rightly)
            Path next = Files.writeString(directory.resolve("partner-bridges.properties.new"), "fleet.url=tcp://x:1\n");
            Files.setLastModifiedTime(next, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(300);
            assertEquals(2, warnings.size(), warnings.toString());
        } finally {
            log.removeHandler(capture);
        }
    }

    private Path write(String text) throws Exception {
        return Files.writeString(directory.resolve("partner-bridges.properties"), text);
    }
}
