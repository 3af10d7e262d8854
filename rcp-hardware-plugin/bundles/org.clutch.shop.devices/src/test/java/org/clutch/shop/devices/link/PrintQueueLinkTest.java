package org.clutch.shop.devices.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import javax.print.DocFlavor;
import javax.print.attribute.standard.JobName;

import org.clutch.shop.devices.DeviceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A receipt or label printer installed as a printer queue (as Windows installs a USB receipt printer): the bytes the
 * driver writes reach the queue as one raw job, unchanged; a queue that is not there or refuses raw jobs says so.
 */
class PrintQueueLinkTest {

    private static final byte[] ESC_POS = {0x1B, 0x40, 'T', 'o', 't', 'a', 'l', ' ', (byte) 0xD5, 0x0A, 0x1D, 0x56, 0x42, 0x00};

    private InstalledPrinter printer;
    private InstalledPrinter office;

    @AfterEach
    void uninstall() {
        for (InstalledPrinter installed : new InstalledPrinter[] {printer, office}) {
            if (installed != null) {
                installed.uninstall();
            }
        }
    }

    private static LinkSettings queue(String name) {
        return LinkSettings.from(Map.of("connection", "queue", "printerName", name), 9100, 19200, 3000);
    }

    @Test
    void whatTheDriverWritesReachesTheQueueAsOneRawJobUnchanged() throws IOException {
        printer = InstalledPrinter.install("EPSON TM-T20III Receipt", true);
        try (Link link = Links.open(queue("epson tm-t20iii receipt"))) {
            link.out().write(ESC_POS, 0, 8);
            link.out().write(ESC_POS, 8, ESC_POS.length - 8);
            link.out().flush();
        }
        assertEquals(1, printer.jobs.size(), "one job, however the bytes were written");
        InstalledPrinter.Job job = printer.jobs.get(0);
        assertArrayEquals(ESC_POS, job.bytes(), "the printer's own commands pass through untouched");
        assertEquals(DocFlavor.BYTE_ARRAY.AUTOSENSE, job.flavor());
        assertEquals("Clutch shop", ((JobName) job.attributes().get(JobName.class)).getValue());
        assertEquals("printer \"epson tm-t20iii receipt\"", queue("epson tm-t20iii receipt").describe());
    }

    @Test
    void aQueueThatIsNotThereOrTakesNoRawJobsIsNamedWithWhatIsInstalled() {
        office = InstalledPrinter.install("Office LaserJet", false);
        DeviceException missing = assertThrows(DeviceException.class, () -> Links.open(queue("Receipts")));
        assertTrue(missing.getMessage().startsWith("No printer named \"Receipts\" is installed on this computer; its printers are: "),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("Office LaserJet"), missing.getMessage());

        DeviceException noRaw = assertThrows(DeviceException.class, () -> Links.open(queue("Office LaserJet")));
        assertTrue(noRaw.getMessage().contains("does not take raw jobs"), noRaw.getMessage());

        InvalidSettingException unnamed = assertThrows(InvalidSettingException.class,
                () -> LinkSettings.from(Map.of("connection", "queue"), 9100, 19200, 3000));
        assertTrue(unnamed.getMessage().contains("needs the printer's name"), unnamed.getMessage());
    }

    @Test
    void aJobTheQueueRefusesIsReportedWhenFlushed() throws IOException {
        printer = InstalledPrinter.install("Zebra GK420d", true);
        printer.refusal = "the spooler is stopped";
        try (Link link = Links.open(queue("Zebra GK420d"))) {
            link.out().write("^XA^FDBP-100^FS^XZ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            IOException refused = assertThrows(IOException.class, () -> link.out().flush());
            assertTrue(refused.getMessage().contains("refused the job: the spooler is stopped"), refused.getMessage());
        }
        assertEquals(0, printer.jobs.size());
    }
}
