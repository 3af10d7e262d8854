package org.clutch.shop.devices.escpos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clutch.shop.devices.CashDrawer;
import org.clutch.shop.devices.ReceiptDocument;
import org.clutch.shop.devices.ReceiptPrinter;
import org.clutch.shop.devices.link.LinkSettings;
import org.clutch.shop.devices.printing.AbstractPrinter;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.BarCode;
import com.github.anastaciocintra.escpos.image.RasterBitImageWrapper;

/**
 * An ESC/POS receipt printer (Epson TM and the many printers that speak its language) with the cash drawer on its
 * kick connector.
 */
public final class EscPosReceiptPrinter extends AbstractPrinter implements ReceiptPrinter, CashDrawer {

    private volatile PrinterSettings settings;

    /** For Declarative Services, which then calls {@link #activate(Map)}. */
    public EscPosReceiptPrinter() {
    }

    public EscPosReceiptPrinter(Map<String, ?> configuration) {
        activate(configuration);
    }

    public void activate(Map<String, ?> configuration) {
        settings = PrinterSettings.from(configuration);
    }

    public void deactivate() {
        disconnect();
    }

    @Override
    public String id() {
        return "receipt-printer";
    }

    @Override
    public String description() {
        return "ESC/POS receipt printer, " + settings.link().describe() + ", " + settings.columns() + " columns";
    }

    @Override
    public int columns() {
        return settings.columns();
    }

    @Override
    protected LinkSettings link() {
        return settings.link();
    }

    @Override
    protected String kind() {
        return "receipt printer";
    }

    @Override
    public void print(ReceiptDocument receipt) {
        send(render(receipt));
    }

    @Override
    public void open() {
        send(render(escpos -> kickDrawer(escpos)));
    }

    /** The receipt as ESC/POS bytes: drawer kick first (the cashier makes change while it prints), then the paper. */
    byte[] render(ReceiptDocument receipt) {
        return render(escpos -> {
            if (receipt.openDrawer()) {
                kickDrawer(escpos);
            }
            Logo logo = settings.logo();
            if (logo != null) {
                escpos.write(new RasterBitImageWrapper().setJustification(EscPosConst.Justification.Center), logo.image());
            }
            Style plain = new Style();
            if (receipt.heading() != null && !receipt.heading().isBlank()) {
                Style heading = new Style().setBold(true).setJustification(EscPosConst.Justification.Center)
                        .setFontSize(Style.FontSize._1, Style.FontSize._2);
                escpos.writeLF(heading, receipt.heading());
            }
            for (String line : receipt.lines()) {
                escpos.writeLF(plain, line);
            }
            if (receipt.barcode() != null && !receipt.barcode().isBlank()) {
                escpos.feed(1);
                BarCode barcode = new BarCode().setSystem(BarCode.BarCodeSystem.CODE128)
                        .setHRIPosition(BarCode.BarCodeHRIPosition.BelowBarCode)
                        .setJustification(EscPosConst.Justification.Center);
                barcode.setBarCodeSize(2, 64);
                escpos.write(barcode, "{B" + receipt.barcode());
            }
            escpos.feed(4);
            escpos.cut(EscPos.CutMode.PART);
        });
    }

    @FunctionalInterface
    private interface Commands {
        void write(EscPos escpos) throws IOException;
    }

    private byte[] render(Commands commands) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
        try (EscPos escpos = new EscPos(buffer)) {
            escpos.initializePrinter();
            escpos.setCharacterCodeTable(settings.codeTable());
            commands.write(escpos);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    private void kickDrawer(EscPos escpos) throws IOException {
        // 50 ms on, 500 ms off: what drawer makers ask for (units of 2 ms)
        escpos.pulsePin(settings.drawerPin(), 25, 250);
    }

    /** The text of the receipts a simulated printer received, decoded back from its bytes. */
    public List<List<EscPosDecoder.PrintedLine>> simulatedReceipts() {
        List<List<EscPosDecoder.PrintedLine>> receipts = new ArrayList<>();
        for (byte[] job : simulatedJobs()) {
            receipts.add(EscPosDecoder.decode(job, settings.charset()));
        }
        return receipts;
    }
}
