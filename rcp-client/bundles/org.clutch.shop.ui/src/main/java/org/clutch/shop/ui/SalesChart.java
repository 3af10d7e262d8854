package org.clutch.shop.ui;

import java.util.List;

import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.reports.SalesFigures;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * Net sales per day as bars with the margin as a darker bar inside each, drawn with plain GC calls: enough for
 * a manager to see the week's shape without a charting library in the target platform.
 */
final class SalesChart {

    private static final int AXIS = 70;
    private static final int FOOT = 36;
    private final Canvas canvas;
    private final ShopCurrency money;
    // SWT colours made from RGB values need no disposal since SWT 3.114
    private final Color net = new Color(new RGB(120, 170, 220));
    private final Color margin = new Color(new RGB(30, 90, 160));
    private List<SalesFigures> days = List.of();

    SalesChart(Composite parent, ShopCurrency money) {
        this.money = money;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.setData("name", "sales-chart");
        canvas.addPaintListener(e -> paint(e.gc));
    }

    Canvas control() {
        return canvas;
    }

    void show(List<SalesFigures> newDays) {
        days = List.copyOf(newDays);
        canvas.redraw();
    }

    /** The top of the axis: the highest net figure rounded up to a whole unit of its leading digit. */
    private long scaleTop() {
        long max = days.stream().mapToLong(SalesFigures::netMinor).max().orElse(0);
        if (max <= 0) {
            return 1;
        }
        long step = (long) Math.pow(10, Math.floor(Math.log10(max)));
        return ((max + step - 1) / step) * step;
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        int top = 24;
        int bottom = area.height - FOOT;
        int height = Math.max(1, bottom - top);
        gc.drawText("Net sales per day (light) and margin (dark), " + money.code(), AXIS, 4, true);
        if (days.isEmpty()) {
            gc.drawText("Run the report to see the chart.", AXIS, top + 10, true);
            return;
        }
        long scale = scaleTop();
        for (int i = 0; i <= 4; i++) {
            int y = bottom - height * i / 4;
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_GRAY));
            gc.drawLine(AXIS, y, area.width - 10, y);
            String label = money.format(scale * i / 4).replaceAll("\\.0+$", "");
            Point size = gc.textExtent(label);
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText(label, Math.max(0, AXIS - size.x - 6), y - size.y / 2, true);
        }
        int slot = Math.max(1, (area.width - AXIS - 10) / days.size());
        int bar = Math.max(2, slot * 3 / 4);
        // label every day when there is room, otherwise every second, third... day, so labels never run together
        int labelEvery = Math.max(1, (gc.textExtent("12-31").x + 8 + slot - 1) / slot);
        for (int i = 0; i < days.size(); i++) {
            SalesFigures day = days.get(i);
            int x = AXIS + i * slot + (slot - bar) / 2;
            int netHeight = (int) (height * Math.max(0, day.netMinor()) / scale);
            int marginHeight = (int) (height * Math.max(0, Math.min(day.marginMinor(), day.netMinor())) / scale);
            gc.setBackground(net);
            gc.fillRectangle(x, bottom - netHeight, bar, netHeight);
            gc.setBackground(margin);
            gc.fillRectangle(x + bar / 4, bottom - marginHeight, Math.max(1, bar / 2), marginHeight);
            if (i % labelEvery == 0) {
                String label = day.label().length() == 10 ? day.label().substring(5) : day.label();
                gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
                gc.drawText(label, x, bottom + 4, true);
            }
        }
    }
}
