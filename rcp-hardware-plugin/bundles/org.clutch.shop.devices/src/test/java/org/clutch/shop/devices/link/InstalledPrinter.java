package org.clutch.shop.devices.link;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.print.Doc;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.MultiDocPrintService;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.ServiceUIFactory;
import javax.print.attribute.Attribute;
import javax.print.attribute.AttributeSet;
import javax.print.attribute.HashAttributeSet;
import javax.print.attribute.HashPrintJobAttributeSet;
import javax.print.attribute.HashPrintServiceAttributeSet;
import javax.print.attribute.PrintJobAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.PrintServiceAttribute;
import javax.print.attribute.PrintServiceAttributeSet;
import javax.print.event.PrintJobAttributeListener;
import javax.print.event.PrintJobListener;
import javax.print.event.PrintServiceAttributeListener;

/**
 * A printer queue as the operating system would list it, registered with Java's printing service through its own
 * extension point ({@link PrintServiceLookup#registerServiceProvider}): it keeps each raw job it is handed, as a
 * spooler passing bytes to the printer would. The desktop's code finds it exactly as it finds a Windows printer.
 */
final class InstalledPrinter implements PrintService {

    record Job(byte[] bytes, DocFlavor flavor, PrintRequestAttributeSet attributes) {
    }

    private static final List<PrintService> INSTALLED = new CopyOnWriteArrayList<>();

    static {
        PrintServiceLookup.registerServiceProvider(new PrintServiceLookup() {
            @Override
            public PrintService[] getPrintServices(DocFlavor flavor, AttributeSet attributes) {
                return INSTALLED.stream().filter(s -> flavor == null || s.isDocFlavorSupported(flavor)).toArray(PrintService[]::new);
            }

            @Override
            public PrintService[] getPrintServices() {
                return INSTALLED.toArray(PrintService[]::new);
            }

            @Override
            public MultiDocPrintService[] getMultiDocPrintServices(DocFlavor[] flavors, AttributeSet attributes) {
                return new MultiDocPrintService[0];
            }

            @Override
            public PrintService getDefaultPrintService() {
                return INSTALLED.isEmpty() ? null : INSTALLED.get(0);
            }
        });
    }

    final List<Job> jobs = new CopyOnWriteArrayList<>();
    private final String name;
    private final boolean takesRaw;
    volatile String refusal;

    private InstalledPrinter(String name, boolean takesRaw) {
        this.name = name;
        this.takesRaw = takesRaw;
    }

    static InstalledPrinter install(String name, boolean takesRaw) {
        InstalledPrinter printer = new InstalledPrinter(name, takesRaw);
        INSTALLED.add(printer);
        return printer;
    }

    void uninstall() {
        INSTALLED.remove(this);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public DocPrintJob createPrintJob() {
        PrintService service = this;
        return new DocPrintJob() {
            @Override
            public PrintService getPrintService() {
                return service;
            }

            @Override
            public PrintJobAttributeSet getAttributes() {
                return new HashPrintJobAttributeSet();
            }

            @Override
            public void addPrintJobListener(PrintJobListener listener) {
            }

            @Override
            public void removePrintJobListener(PrintJobListener listener) {
            }

            @Override
            public void addPrintJobAttributeListener(PrintJobAttributeListener listener, PrintJobAttributeSet attributes) {
            }

            @Override
            public void removePrintJobAttributeListener(PrintJobAttributeListener listener) {
            }

            @Override
            public void print(Doc doc, PrintRequestAttributeSet attributes) throws PrintException {
                if (refusal != null) {
                    throw new PrintException(refusal);
                }
                try {
                    jobs.add(new Job((byte[]) doc.getPrintData(), doc.getDocFlavor(), attributes));
                } catch (java.io.IOException e) {
                    throw new PrintException(e);
                }
            }
        };
    }

    @Override
    public DocFlavor[] getSupportedDocFlavors() {
        return takesRaw ? new DocFlavor[] {DocFlavor.BYTE_ARRAY.AUTOSENSE} : new DocFlavor[] {DocFlavor.SERVICE_FORMATTED.PRINTABLE};
    }

    @Override
    public boolean isDocFlavorSupported(DocFlavor flavor) {
        return List.of(getSupportedDocFlavors()).contains(flavor);
    }

    @Override
    public void addPrintServiceAttributeListener(PrintServiceAttributeListener listener) {
    }

    @Override
    public void removePrintServiceAttributeListener(PrintServiceAttributeListener listener) {
    }

    @Override
    public PrintServiceAttributeSet getAttributes() {
        return new HashPrintServiceAttributeSet();
    }

    @Override
    public <T extends PrintServiceAttribute> T getAttribute(Class<T> category) {
        return null;
    }

    @Override
    public Class<?>[] getSupportedAttributeCategories() {
        return new Class<?>[0];
    }

    @Override
    public boolean isAttributeCategorySupported(Class<? extends Attribute> category) {
        return true;
    }

    @Override
    public Object getDefaultAttributeValue(Class<? extends Attribute> category) {
        return null;
    }

    @Override
    public Object getSupportedAttributeValues(Class<? extends Attribute> category, DocFlavor flavor, AttributeSet attributes) {
        return null;
    }

    @Override
    public boolean isAttributeValueSupported(Attribute attribute, DocFlavor flavor, AttributeSet attributes) {
        return true;
    }

    @Override
    public AttributeSet getUnsupportedAttributes(DocFlavor flavor, AttributeSet attributes) {
        return new HashAttributeSet();
    }

    @Override
    public ServiceUIFactory getServiceUIFactory() {
        return null;
    }
}
