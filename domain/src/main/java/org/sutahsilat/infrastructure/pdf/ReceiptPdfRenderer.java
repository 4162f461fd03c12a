package org.sutahsilat.infrastructure.pdf;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.domain.payment.Payment;
import org.sutahsilat.domain.shared.Money;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Prints a receipt (makbuz) as a one-page A5 PDF with PDFBox: institution, receipt number, date and time, subscriber
 * number and masked name, the amount, how it was paid, what it paid bill by bill (surcharge and principal), what was
 * kept as credit, the debt and credit left, who received it. A reversed payment, and the reversal itself, carry a
 * large "İPTAL" watermark and a line naming the other receipt and the reason. Labels from the bundle
 * {@code org/sutahsilat/infrastructure/pdf/ReceiptPdf} in Turkish or English; fonts as for bills ({@link PdfFonts}).
 */
public final class ReceiptPdfRenderer {

    private static final String BUNDLE = "org.sutahsilat.infrastructure.pdf.ReceiptPdf";
    private static final PDRectangle PAGE = PDRectangle.A5;
    private static final float MARGIN = 30;
    private static final float LEFT = MARGIN;
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float LIGHT_GRAY = 0.90f;
    private static final float RULE_GRAY = 0.75f;
    private static final float WATERMARK_GRAY = 0.80f;

    private final Locale locale;
    private final ResourceBundle texts;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter dateTimes;

    /** Turkish ({@code tr}) or English ({@code en}) labels; any other language prints Turkish. */
    public ReceiptPdfRenderer(Locale language) {
        this.locale = PdfLanguage.of(language);
        this.texts = PdfLanguage.labels(BUNDLE, locale);
        this.dates = DateTimeFormatter.ofPattern(texts.getString("date.pattern"), locale);
        this.dateTimes = DateTimeFormatter.ofPattern(texts.getString("dateTime.pattern"), locale)
                .withZone(Payment.BUSINESS_ZONE);
    }

    public byte[] render(ReceiptDocument receipt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (PDDocument doc = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(text("title") + " " + receipt.receiptNo());
            info.setCreator("su-tahsilat");
            PdfFonts fonts = PdfFonts.load(doc);
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                new ReceiptPage(new PdfCanvas(cs, fonts), receipt).draw();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the receipt PDF", e);
        }
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private String money(Money amount) {
        return amount == null ? text("none") : amount.format(locale);
    }

    private final class ReceiptPage {

        private final PdfCanvas canvas;
        private final PDPageContentStream cs;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final ReceiptDocument r;
        private float y = PAGE.getHeight() - MARGIN;

        ReceiptPage(PdfCanvas canvas, ReceiptDocument receipt) {
            this.canvas = canvas;
            this.cs = canvas.stream();
            this.regular = canvas.fonts().regular();
            this.bold = canvas.fonts().bold();
            this.r = receipt;
        }

        void draw() throws IOException {
            if (r.cancelled()) {
                watermark();
            }
            header();
            subscriber();
            amount();
            paid();
            balances();
            cancellation();
            footer();
        }

        private void watermark() throws IOException {
            cs.saveGraphicsState();
            cs.setNonStrokingColor(WATERMARK_GRAY);
            cs.beginText();
            cs.setFont(bold, 90);
            cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(40), LEFT + 40, PAGE.getHeight() * 0.25f));
            cs.showText(canvas.fonts().printable(text("watermark")));
            cs.endText();
            cs.restoreGraphicsState();
        }

        private void header() throws IOException {
            float top = y;
            float ly = top;
            for (String row : canvas.wrap(r.institutionName(), bold, 12.5f, WIDTH * 0.47f)) {
                ly -= 14;
                canvas.show(bold, 12.5f, LEFT, ly, row);
            }
            ly -= 16;
            canvas.show(bold, 11, LEFT, ly, text(r.reversal() ? "title.reversal" : "title"));
            float labelX = LEFT + WIDTH * 0.50f;
            float ry = top;
            for (String[] kv : new String[][]{
                    {text("receiptNo"), r.receiptNo()},
                    {text("paidAt"), dateTimes.format(r.paidAt())},
                    {text("receivedOn"), dates.format(r.receivedOn())}}) {
                ry -= 13;
                canvas.show(regular, 8, labelX, ry, kv[0]);
                canvas.showRight(bold, 8.5f, RIGHT, ry, kv[1]);
            }
            y = Math.min(ly, ry) - 8;
            rule(y, 0f, 1f);
            y -= 4;
        }

        private void subscriber() throws IOException {
            y -= 13;
            keyValue(text("subscriberNo"), r.subscriberNo(), true);
            y -= 13;
            keyValue(text("name"), r.maskedName(), false);
            y -= 8;
        }

        private void amount() throws IOException {
            float height = 30;
            fill(y, height);
            canvas.show(bold, 10.5f, LEFT + 6, y - 19, text("amount"));
            canvas.showRight(bold, 14, RIGHT - 6, y - 20, money(r.amount()));
            y -= height + 4;
            y -= 12;
            keyValue(text("channel"), text("channel." + r.channel().name()), false);
            if (r.reference() != null) {
                y -= 13;
                keyValue(text("reference"), r.reference(), false);
            }
            y -= 8;
        }

        private void paid() throws IOException {
            y -= 12;
            canvas.show(bold, 9, LEFT, y, text("section.paid"));
            y -= 5;
            float[] right = {LEFT + WIDTH * 0.29f, LEFT + WIDTH * 0.40f, LEFT + WIDTH * 0.62f, LEFT + WIDTH * 0.81f,
                    RIGHT - 4};
            fill(y, 14);
            canvas.show(bold, 7.5f, LEFT + 4, y - 10, text("col.billNo"));
            canvas.showRight(bold, 7.5f, right[1], y - 10, text("col.period"));
            canvas.showRight(bold, 7.5f, right[2], y - 10, text("col.surcharge"));
            canvas.showRight(bold, 7.5f, right[3], y - 10, text("col.principal"));
            canvas.showRight(bold, 7.5f, right[4], y - 10, text("col.total"));
            y -= 14;
            List<ReceiptDocument.Line> lines = r.lines();
            if (lines.isEmpty()) {
                y -= 12;
                canvas.show(regular, 8.5f, LEFT + 4, y, text("nothingPaid"));
                y -= 5;
            }
            for (ReceiptDocument.Line line : lines) {
                y -= 12;
                canvas.show(regular, 8.5f, LEFT + 4, y, canvas.ellipsize(line.billNo(), regular, 8.5f,
                        right[0] - LEFT));
                canvas.showRight(regular, 8.5f, right[1], y, line.period() == null ? text("none")
                        : line.period().toString());
                canvas.showRight(regular, 8.5f, right[2], y, money(line.surcharge()));
                canvas.showRight(regular, 8.5f, right[3], y, money(line.principal()));
                canvas.showRight(bold, 8.5f, right[4], y, money(line.total()));
                y -= 5;
                rule(y, RULE_GRAY, 0.4f);
                if (y < MARGIN + 120) {
                    throw new IllegalStateException("receipt " + r.receiptNo() + " has too many lines for one page");
                }
            }
            y -= 4;
        }

        private void balances() throws IOException {
            float labelX = LEFT + WIDTH * 0.45f;
            String[][] rows = {
                    {text("creditKept"), money(r.creditKept())},
                    {text("debtAfter"), money(r.debtAfter())},
                    {text("creditAfter"), money(r.creditAfter())}};
            for (String[] kv : rows) {
                y -= 13;
                canvas.show(regular, 9, labelX, y, kv[0]);
                canvas.showRight(bold, 9, RIGHT - 4, y, kv[1]);
            }
            y -= 16;
            keyValue(text("staff"), r.staffName() == null ? text("online") : r.staffName(), false);
            y -= 6;
        }

        private void cancellation() throws IOException {
            if (!r.cancelled()) {
                return;
            }
            y -= 14;
            String line = r.reversal() ? text("reversal", orNone(r.reversalReceiptNo()))
                    : text("reversed", orNone(r.reversalReceiptNo()));
            for (String row : canvas.wrap(line, bold, 9.5f, WIDTH)) {
                canvas.show(bold, 9.5f, LEFT, y, row);
                y -= 12;
            }
            if (r.reversalReason() != null) {
                for (String row : canvas.wrap(text("reason", r.reversalReason()), regular, 9, WIDTH)) {
                    canvas.show(regular, 9, LEFT, y, row);
                    y -= 11;
                }
            }
        }

        private void footer() throws IOException {
            float at = MARGIN;
            for (String row : canvas.wrap(text("footer"), regular, 7.5f, WIDTH)) {
                canvas.show(regular, 7.5f, LEFT, at, row);
                at -= 9;
            }
        }

        private String orNone(String value) {
            return value == null || value.isBlank() ? text("none") : value;
        }

        private void keyValue(String label, String value, boolean strong) throws IOException {
            float labelWidth = 100;
            canvas.show(regular, 8.5f, LEFT, y, label);
            PDType0Font font = strong ? bold : regular;
            canvas.show(font, 9.5f, LEFT + labelWidth, y, canvas.ellipsize(value, font, 9.5f, WIDTH - labelWidth));
        }

        private void fill(float top, float height) throws IOException {
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
    }
}
