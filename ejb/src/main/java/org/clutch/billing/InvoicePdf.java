package org.clutch.billing;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;

/** Lays an invoice out as a one-page A4 PDF (OpenPDF): who is billed, the month, the lines, tax and total. */
@ApplicationScoped
public class InvoicePdf {

    public byte[] render(InvoiceView invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle("Invoice " + invoice.number());
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
        Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);

        document.add(new Paragraph("Invoice " + invoice.number() + (invoice.status() == InvoiceStatus.VOID ? " (VOID)" : ""), title));
        document.add(new Paragraph("Clutch parts marketplace", normal));
        document.add(new Paragraph(" "));
        document.add(new Paragraph("Billed to: " + invoice.legalName(), bold));
        document.add(new Paragraph("Plan: " + invoice.plan(), normal));
        document.add(new Paragraph("Period: " + invoice.periodStart() + " to " + invoice.periodEnd().minusDays(1), normal));
        document.add(new Paragraph("Issued: " + invoice.issueDate() + "    Due: " + invoice.dueDate() + "    Status: " + invoice.status(), normal));
        if (invoice.voidReason() != null) {
            document.add(new Paragraph("Voided: " + invoice.voidReason(), normal));
        }
        document.add(new Paragraph(" "));

        PdfPTable table = new PdfPTable(new float[] {6, 1, 2});
        table.setWidthPercentage(100);
        table.addCell(cell("Description", bold, Element.ALIGN_LEFT));
        table.addCell(cell("Qty", bold, Element.ALIGN_RIGHT));
        table.addCell(cell("Amount (" + invoice.currency() + ")", bold, Element.ALIGN_RIGHT));
        for (InvoiceView.Line line : invoice.lines()) {
            table.addCell(cell(line.description(), normal, Element.ALIGN_LEFT));
            table.addCell(cell(String.valueOf(line.quantity()), normal, Element.ALIGN_RIGHT));
            table.addCell(cell(amount(line.amount()), normal, Element.ALIGN_RIGHT));
        }
        total(table, "Subtotal", invoice.subtotal(), normal);
        total(table, "Tax " + invoice.taxRatePercent().stripTrailingZeros().toPlainString() + "%", invoice.tax(), normal);
        total(table, "Total " + invoice.currency(), invoice.total(), bold);
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    private static void total(PdfPTable table, String label, BigDecimal value, Font font) {
        PdfPCell name = cell(label, font, Element.ALIGN_RIGHT);
        name.setColspan(2);
        table.addCell(name);
        table.addCell(cell(amount(value), font, Element.ALIGN_RIGHT));
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(4);
        return cell;
    }

    private static String amount(BigDecimal value) {
        return String.format("%,." + Math.max(value.scale(), 0) + "f", value);
    }
}
