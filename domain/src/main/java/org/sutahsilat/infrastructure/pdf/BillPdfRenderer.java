package org.sutahsilat.infrastructure.pdf;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.sutahsilat.domain.document.BillDocument;
import org.sutahsilat.domain.shared.Money;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Prints bills as PDF (PDFBox): one A4 portrait page per bill, labels from the bundle
 * {@code org/sutahsilat/infrastructure/pdf/BillPdf} in the chosen language, money as people read it
 * ({@code ₺1.234,56} in Turkish), and a QR code holding the bill's portal URL.
 * <p>
 * The font is DejaVu Sans (Turkish letters and ₺; the Standard 14 fonts have neither), embedded as a subset, loaded
 * once per document however many bills it holds. A batch writes its pages through a temporary-file stream cache, so
 * the pages already drawn (content streams, QR images) are not all held in memory.
 * <p>
 * Immutable and thread-safe: each call renders into its own document.
 */
public final class BillPdfRenderer {

    private static final String BUNDLE = "org.sutahsilat.infrastructure.pdf.BillPdf";

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 36;
    private static final float LEFT = MARGIN;
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float BOTTOM = MARGIN;
    private static final float QR_SIZE = 108;
    private static final int QR_PIXELS_PER_MODULE = 4;
    private static final float LIGHT_GRAY = 0.90f;
    private static final float RULE_GRAY = 0.75f;

    private final Locale locale;
    private final ResourceBundle texts;
    private final DateTimeFormatter dates;

    /** Turkish ({@code tr}) or English ({@code en}) labels; any other language prints Turkish. */
    public BillPdfRenderer(Locale language) {
        this.locale = PdfLanguage.of(language);
        this.texts = PdfLanguage.labels(BUNDLE, locale);
        this.dates = DateTimeFormatter.ofPattern(texts.getString("date.pattern"), locale);
    }

    public static BillPdfRenderer turkish() {
        return new BillPdfRenderer(Locale.forLanguageTag("tr-TR"));
    }

    public Locale locale() {
        return locale;
    }

    /** One bill as a one-page PDF. */
    public byte[] render(BillDocument bill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(List.of(bill).iterator(), out, IOUtils.createMemoryOnlyStreamCache());
        return out.toByteArray();
    }

    /** One bill as a one-page PDF, written to {@code out} (not closed). */
    public void render(BillDocument bill, OutputStream out) {
        write(List.of(bill).iterator(), out, IOUtils.createMemoryOnlyStreamCache());
    }

    /**
     * Many bills as one PDF, one page per bill in the order given, written to {@code out} (not closed). The bills
     * are taken one at a time from {@code bills}, so a caller may stream them from the database.
     *
     * @return the number of pages written
     */
    public int renderBatch(Iterable<? extends BillDocument> bills, OutputStream out) {
        return write(bills.iterator(), out, IOUtils.createTempFileOnlyStreamCache());
    }

    private int write(Iterator<? extends BillDocument> bills, OutputStream out, StreamCacheCreateFunction cache) {
        if (!bills.hasNext()) {
            throw new IllegalArgumentException("no bill to print");
        }
        try (PDDocument doc = new PDDocument(cache)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(texts.getString("title"));
            info.setCreator("su-tahsilat");
            PdfFonts fonts = PdfFonts.load(doc);
            int pages = 0;
            while (bills.hasNext()) {
                BillDocument bill = bills.next();
                PDPage page = new PDPage(PAGE);
                doc.addPage(page);
                PDImageXObject qr = LosslessFactory.createFromImage(doc,
                        QrCodeImages.of(bill.portalUrl().toString(), QR_PIXELS_PER_MODULE));
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    new BillPage(cs, fonts, bill, qr).draw();
                }
                pages++;
            }
            doc.save(out);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bill PDF", e);
        }
    }

    private String text(String key) {
        return texts.getString(key);
    }

    private String date(LocalDate day) {
        return day == null ? text("none") : dates.format(day);
    }

    private String money(Money amount) {
        return amount.format(locale);
    }

    /** A unit price: at least two decimals, up to the four tariffs carry ({@code ₺4,00}, {@code ₺0,6125}). */
    private String unitPrice(BigDecimal price) {
        DecimalFormat format = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(locale));
        String digits = format.format(price.abs());
        return (price.signum() < 0 ? "-" : "") + "₺" + digits;
    }

    private String quantity(BigDecimal quantity) {
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(locale)).format(quantity);
    }

    private String m3(long value) {
        return quantity(BigDecimal.valueOf(value)) + " " + text("unit.m3");
    }

    /** The quantity × unit price column of a line; empty where the line has neither (a share, KDV). */
    private String quantityTimesPrice(BillDocument.Line line) {
        if (line.quantity() == null && line.unitPrice() == null) {
            return "";
        }
        String q = line.quantity() == null ? ""
                : switch (line.kind()) {
                    case WATER, WASTEWATER, CTV -> quantity(line.quantity()) + " " + text("unit.m3");
                    default -> quantity(line.quantity());
                };
        if (line.unitPrice() == null) {
            return q;
        }
        return (q.isEmpty() ? "" : q + " × ") + unitPrice(line.unitPrice());
    }

    /** Draws one bill on one page, top to bottom. */
    private final class BillPage {

        private final PDPageContentStream cs;
        private final PdfFonts fonts;
        private final PdfCanvas canvas;
        private final BillDocument bill;
        private final PDImageXObject qr;
        private float y = PAGE.getHeight() - MARGIN;

        BillPage(PDPageContentStream cs, PdfFonts fonts, BillDocument bill, PDImageXObject qr) {
            this.cs = cs;
            this.fonts = fonts;
            this.canvas = new PdfCanvas(cs, fonts);
            this.bill = bill;
            this.qr = qr;
        }

        void draw() throws IOException {
            header();
            subscriber();
            reading();
            lines();
            totals();
            payment();
        }

        private void header() throws IOException {
            float top = y;
            float leftWidth = WIDTH * 0.6f;
            float ly = top;
            for (String row : wrap(bill.institutionName(), fonts.bold(), 15, leftWidth)) {
                ly -= 17;
                show(fonts.bold(), 15, LEFT, ly, row);
            }
            ly -= 18;
            show(fonts.bold(), 12, LEFT, ly, text("title"));

            float labelX = LEFT + WIDTH * 0.64f;
            float ry = top;
            for (String[] kv : new String[][]{
                    {text("billNo"), bill.billNo()},
                    {text("issueDate"), date(bill.issueDate())},
                    {text("period"), bill.period().toString()}}) {
                ry -= 14;
                show(fonts.regular(), 9, labelX, ry, kv[0]);
                showRight(fonts.bold(), 10, RIGHT, ry, kv[1]);
            }
            y = Math.min(ly, ry) - 10;
            rule(y, 0f, 1.2f);
            y -= 6;
        }

        private void subscriber() throws IOException {
            sectionTitle(text("section.subscriber"));
            float half = WIDTH / 2;
            float labelWidth = 78;
            y -= 13;
            keyValue(LEFT, labelWidth, text("subscriberNo"), bill.subscriberNo().value(), true);
            keyValue(LEFT + half, labelWidth, text("category"), text("category." + bill.category().name()), false);
            y -= 14;
            keyValue(LEFT, labelWidth, text("name"), bill.maskedName(), false);
            keyValue(LEFT + half, labelWidth, text("meterSerial"), orNone(bill.meterSerial()), false);
            y -= 14;
            show(fonts.regular(), 8.5f, LEFT, y, text("address"));
            List<String> address = wrap(orNone(bill.address()), fonts.regular(), 9.5f, WIDTH - labelWidth);
            for (int i = 0; i < address.size(); i++) {
                if (i > 0) {
                    y -= 12;
                }
                show(fonts.regular(), 9.5f, LEFT + labelWidth, y, address.get(i));
            }
            y -= 10;
        }

        private void reading() throws IOException {
            sectionTitle(text("section.reading"));
            String current = m3plain(bill.currentIndex())
                    + (bill.estimatedReading() ? " (" + text("index.estimated") + ")" : "");
            String[] heads = {text("index.previous"), text("index.date"), text("index.current"), text("index.date"),
                    text("consumption")};
            String[] values = {m3plain(bill.previousIndex()), date(bill.previousIndexDate()), current,
                    date(bill.currentIndexDate()), m3(bill.consumptionM3())};
            float col = WIDTH / heads.length;
            fillRow(y, 15);
            for (int i = 0; i < heads.length; i++) {
                show(fonts.bold(), 8.5f, LEFT + i * col + 4, y - 11, heads[i]);
            }
            y -= 15;
            for (int i = 0; i < values.length; i++) {
                show(i == values.length - 1 ? fonts.bold() : fonts.regular(), 10, LEFT + i * col + 4, y - 13,
                        values[i]);
            }
            y -= 18;
            rule(y, RULE_GRAY, 0.5f);
            y -= 8;
        }

        private void lines() throws IOException {
            sectionTitle(text("section.lines"));
            float qtyRight = RIGHT - 100;
            float descWidth = WIDTH - 100 - 130 - 8;
            fillRow(y, 15);
            show(fonts.bold(), 8.5f, LEFT + 4, y - 11, text("col.description"));
            showRight(fonts.bold(), 8.5f, qtyRight, y - 11, text("col.quantityPrice"));
            showRight(fonts.bold(), 8.5f, RIGHT - 4, y - 11, text("col.amount"));
            y -= 15;
            for (BillDocument.Line line : bill.lines()) {
                List<String> desc = wrap(line.description(), fonts.regular(), 9.5f, descWidth);
                float rowTop = y;
                for (int i = 0; i < desc.size(); i++) {
                    show(fonts.regular(), 9.5f, LEFT + 4, rowTop - 12 - i * 12, desc.get(i));
                }
                showRight(fonts.regular(), 9.5f, qtyRight, rowTop - 12, quantityTimesPrice(line));
                showRight(fonts.regular(), 9.5f, RIGHT - 4, rowTop - 12, money(line.amount()));
                y = rowTop - 12 * desc.size() - 5;
                rule(y, RULE_GRAY, 0.4f);
                ensureRoom();
            }
            y -= 4;
        }

        private void totals() throws IOException {
            float labelX = LEFT + WIDTH * 0.45f;
            List<String[]> rows = new java.util.ArrayList<>(List.of(
                    new String[]{text("periodTotal"), money(bill.periodTotal())},
                    new String[]{text("previousDebt"), money(bill.previousDebt())},
                    new String[]{text("lateSurcharge"), money(bill.lateSurcharge())}));
            if (bill.creditApplied().isPositive()) {
                rows.add(new String[]{text("creditApplied"), money(bill.creditApplied().negate())});
            }
            for (String[] kv : rows) {
                y -= 14;
                show(fonts.regular(), 10, labelX, y, kv[0]);
                showRight(fonts.regular(), 10, RIGHT - 4, y, kv[1]);
            }
            y -= 8;
            float boxHeight = 42;
            cs.setNonStrokingColor(LIGHT_GRAY);
            cs.addRect(labelX - 6, y - boxHeight, RIGHT - labelX + 6, boxHeight);
            cs.fill();
            cs.setNonStrokingColor(0f);
            show(fonts.bold(), 12.5f, labelX, y - 17, text("amountToPay"));
            showRight(fonts.bold(), 14, RIGHT - 4, y - 17, money(bill.amountToPay()));
            show(fonts.bold(), 10, labelX, y - 34, text("dueDate"));
            showRight(fonts.bold(), 10, RIGHT - 4, y - 34, date(bill.dueDate()));
            y -= boxHeight + 14;
            ensureRoom();
        }

        private void payment() throws IOException {
            sectionTitle(text("section.payment"));
            float top = y;
            float textWidth = WIDTH - QR_SIZE - 20;
            float ty = top - 14;
            show(fonts.regular(), 9, LEFT, ty, text("paymentCode"));
            ty -= 22;
            show(fonts.bold(), 20, LEFT, ty, bill.paymentCode().toString());
            ty -= 8;
            for (String row : wrap(text("payment.hint"), fonts.regular(), 9, textWidth)) {
                ty -= 12;
                show(fonts.regular(), 9, LEFT, ty, row);
            }
            ty -= 4;
            for (String row : wrapAnywhere(bill.portalUrl().toString(), fonts.regular(), 8.5f, textWidth)) {
                ty -= 11;
                show(fonts.regular(), 8.5f, LEFT, ty, row);
            }

            float qrX = RIGHT - QR_SIZE;
            float qrY = top - QR_SIZE;
            cs.drawImage(qr, qrX, qrY, QR_SIZE, QR_SIZE);
            showCentered(fonts.regular(), 8, qrX + QR_SIZE / 2, qrY - 8, text("qr.caption"));
            y = Math.min(ty, qrY - 8);
            if (y < BOTTOM) {
                throw new IllegalStateException("bill " + bill.billNo() + " has too many lines for one page");
            }
        }

        private void ensureRoom() {
            // the payment block (code, hint, URL, QR) needs about 150 pt below the running content
            if (y < BOTTOM + 150) {
                throw new IllegalStateException("bill " + bill.billNo() + " has too many lines for one page");
            }
        }

        /** A meter index as the dial shows it: digits only, no grouping. */
        private String m3plain(long value) {
            return Long.toString(value);
        }

        private String orNone(String value) {
            return value == null || value.isBlank() ? text("none") : value;
        }

        private void sectionTitle(String title) throws IOException {
            y -= 13;
            show(fonts.bold(), 9.5f, LEFT, y, title);
            y -= 5;
        }

        /** A label and its value on the baseline {@code y}, the value cut with "…" if it overflows the column. */
        private void keyValue(float x, float labelWidth, String label, String value, boolean bold)
                throws IOException {
            show(fonts.regular(), 8.5f, x, y, label);
            show(bold ? fonts.bold() : fonts.regular(), 9.5f, x + labelWidth, y,
                    ellipsize(value, bold ? fonts.bold() : fonts.regular(), 9.5f, WIDTH / 2 - labelWidth - 6));
        }

        private void fillRow(float top, float height) throws IOException {
            cs.setNonStrokingColor(LIGHT_GRAY);
            cs.addRect(LEFT, top - height, WIDTH, height);
            cs.fill();
            cs.setNonStrokingColor(0f);
        }

        private void rule(float at, float gray, float width) throws IOException {
            cs.setStrokingColor(gray);
            cs.setLineWidth(width);
            cs.moveTo(LEFT, at);
            cs.lineTo(RIGHT, at);
            cs.stroke();
            cs.setStrokingColor(0f);
        }

        private void show(PDType0Font font, float size, float x, float baseline, String text) throws IOException {
            canvas.show(font, size, x, baseline, text);
        }

        private void showRight(PDType0Font font, float size, float right, float baseline, String text)
                throws IOException {
            canvas.showRight(font, size, right, baseline, text);
        }

        private void showCentered(PDType0Font font, float size, float center, float baseline, String text)
                throws IOException {
            canvas.showCentered(font, size, center, baseline, text);
        }

        private List<String> wrap(String text, PDType0Font font, float size, float max) throws IOException {
            return canvas.wrap(text, font, size, max);
        }

        private List<String> wrapAnywhere(String text, PDType0Font font, float size, float max) throws IOException {
            return canvas.wrapAnywhere(text, font, size, max);
        }

        private String ellipsize(String text, PDType0Font font, float size, float max) throws IOException {
            return canvas.ellipsize(text, font, size, max);
        }
    }
}
