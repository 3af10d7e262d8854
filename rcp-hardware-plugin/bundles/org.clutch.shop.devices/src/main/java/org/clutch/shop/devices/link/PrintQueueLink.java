package org.clutch.shop.devices.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.stream.Collectors;

import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;

import org.clutch.shop.devices.DeviceException;

/**
 * A printer installed on the computer as a printer queue (a Windows printer, a CUPS queue), reached through Java's
 * printing service. What is written is collected and handed to the queue as one raw job when flushed, bytes
 * unchanged (the printer's own language, ESC/POS or ZPL), as the "Generic / Text Only" or raw queues pass them on.
 */
final class PrintQueueLink implements Link {

    private static final DocFlavor RAW = DocFlavor.BYTE_ARRAY.AUTOSENSE;

    private final PrintService queue;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            pending.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            submitPending();
        }
    };

    private PrintQueueLink(PrintService queue) {
        this.queue = queue;
    }

    static Link open(LinkSettings settings) {
        PrintService[] installed = PrintServiceLookup.lookupPrintServices(null, null);
        PrintService queue = Arrays.stream(installed).filter(s -> s.getName().equalsIgnoreCase(settings.printerName()))
                .findFirst().orElseThrow(() -> new DeviceException("No printer named \"" + settings.printerName()
                        + "\" is installed on this computer" + (installed.length == 0 ? "." : "; its printers are: "
                        + Arrays.stream(installed).map(PrintService::getName).collect(Collectors.joining(", ")) + ".")));
        if (!queue.isDocFlavorSupported(RAW)) {
            throw new DeviceException("The printer \"" + queue.getName() + "\" does not take raw jobs; install it with "
                    + "the \"Generic / Text Only\" driver or as a raw queue.");
        }
        return new PrintQueueLink(queue);
    }

    private void submitPending() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        byte[] job = pending.toByteArray();
        pending.reset();
        DocPrintJob printJob = queue.createPrintJob();
        HashPrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName("Clutch shop", null));
        try {
            printJob.print(new SimpleDoc(job, RAW, null), attributes);
        } catch (PrintException e) {
            throw new IOException("the printer queue \"" + queue.getName() + "\" refused the job: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream in() {
        return InputStream.nullInputStream();
    }

    @Override
    public OutputStream out() {
        return out;
    }

    @Override
    public void close() {
        try {
            submitPending();
        } catch (IOException e) {
            // a job left unflushed at close was never asked for; flush reports failures
        }
    }
}
