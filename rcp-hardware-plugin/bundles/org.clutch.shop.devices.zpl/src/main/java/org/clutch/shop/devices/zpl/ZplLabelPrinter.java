package org.clutch.shop.devices.zpl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clutch.shop.devices.Label;
import org.clutch.shop.devices.LabelLayout;
import org.clutch.shop.devices.LabelLayout.Box;
import org.clutch.shop.devices.LabelPrinter;
import org.clutch.shop.devices.link.LinkSettings;
import org.clutch.shop.devices.printing.AbstractPrinter;

/**
 * A label printer speaking ZPL II (Zebra and the many printers that emulate it). Settings: the link (TCP port 9100
 * and 9600 baud by default) and the label size in dots, {@code widthDots} and {@code heightDots} (406 x 203: a
 * 2 x 1 inch label at 203 dpi).
 */
public final class ZplLabelPrinter extends AbstractPrinter implements LabelPrinter {

    private volatile LinkSettings link;
    private volatile LabelLayout layout;

    /** For Declarative Services, which then calls {@link #activate(Map)}. */
    public ZplLabelPrinter() {
    }

    public ZplLabelPrinter(Map<String, ?> configuration) {
        activate(configuration);
    }

    public void activate(Map<String, ?> configuration) {
        link = LinkSettings.from(configuration, 9100, 9600, 3000);
        layout = new LabelLayout(LinkSettings.number(configuration, "widthDots", 406),
                LinkSettings.number(configuration, "heightDots", 203));
    }

    public void deactivate() {
        disconnect();
    }

    @Override
    public String id() {
        return "label-printer";
    }

    @Override
    public String description() {
        return "ZPL label printer, " + link.describe() + ", " + layout.widthDots() + " x " + layout.heightDots() + " dots";
    }

    @Override
    public LabelLayout layout() {
        return layout;
    }

    @Override
    protected LinkSettings link() {
        return link;
    }

    @Override
    protected String kind() {
        return "label printer";
    }

    @Override
    public void print(Label label, int copies) {
        if (copies < 1 || copies > 999) {
            throw new IllegalArgumentException("Print 1 to 999 labels at a time, not " + copies + ".");
        }
        send(render(label, copies).getBytes(StandardCharsets.UTF_8));
    }

    /** The label in ZPL: text in field blocks placed by the layout, the barcode centred under the name. */
    String render(Label label, int copies) {
        LabelLayout layout = this.layout;
        StringBuilder zpl = new StringBuilder(512);
        // UTF-8 text, label width and length, then one field per line for whoever reads the bytes
        zpl.append("^XA\n^CI28\n^PW").append(layout.widthDots()).append("\n^LL").append(layout.heightDots()).append('\n');
        text(zpl, layout.partNumber(), 1, 'L', label.partNumber());
        if (!label.price().isEmpty()) {
            text(zpl, layout.price(), 1, 'R', label.price());
        }
        if (!label.name().isEmpty()) {
            text(zpl, layout.name(), LabelLayout.NAME_LINES, 'L', layout.fitName(label.name()));
        }
        Box box = layout.barcode();
        LabelLayout.Bars bars = layout.bars(label);
        zpl.append("^FO").append(bars.left()).append(',').append(box.y())
                .append("^BY").append(bars.moduleWidth()).append(",2,").append(box.height());
        String data = label.barcodeData();
        switch (label.symbology()) {
            // the printer computes the check digit from the first 12 (EAN) or 11 (UPC) digits and prints it
            case EAN_13 -> zpl.append("^BEN,").append(box.height()).append(",Y,N^FD").append(data, 0, 12);
            case UPC_A -> zpl.append("^BUN,").append(box.height()).append(",Y,N,Y^FD").append(data, 0, 11);
            // automatic mode: the printer switches code sets as ZXing does for the preview
            case CODE_128 -> zpl.append("^BCN,").append(box.height()).append(",Y,N,N,A^FH^FD").append(escape(data));
        }
        zpl.append("^FS\n^PQ").append(copies).append("\n^XZ\n");
        return zpl.toString();
    }

    private static void text(StringBuilder zpl, Box box, int lines, char justification, String text) {
        zpl.append("^FO").append(box.x()).append(',').append(box.y())
                .append("^A0N,").append(box.height()).append(',').append(box.height())
                .append("^FB").append(box.width()).append(',').append(lines).append(",2,").append(justification).append(",0")
                .append("^FH^FD").append(escape(text)).append("^FS\n");
    }

    /** ZPL's command characters (^ and ~) and the escape character itself go as _hex after ^FH. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '^' || c == '~' || c == '_' || c < ' ') {
                escaped.append('_').append(String.format("%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The labels a simulated printer received, read back from its ZPL. */
    public List<ZplDecoder.PrintedLabel> simulatedLabels() {
        List<ZplDecoder.PrintedLabel> labels = new ArrayList<>();
        for (byte[] job : simulatedJobs()) {
            labels.add(ZplDecoder.decode(new String(job, StandardCharsets.UTF_8)));
        }
        return labels;
    }
}
