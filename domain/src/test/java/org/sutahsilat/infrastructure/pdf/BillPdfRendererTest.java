package org.sutahsilat.infrastructure.pdf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.document.BillDocument;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BillPdfRendererTest {

    private final BillPdfRenderer turkish = BillPdfRenderer.turkish();

    @Test
    void everyFieldOfTheBillCanBeReadBackFromThePdfWithItsTurkishLetters() throws IOException {
        BillDocument bill = SampleBills.municipal(123).build();
        byte[] pdf = turkish.render(bill);
        Path sample = Path.of(System.getProperty("basedir", "."), "target", "sample-bill.pdf");
        Files.createDirectories(sample.getParent());
        Files.write(sample, pdf);

        String text = text(pdf);
        assertThat(text).contains(
                "Çamlıca Köyü Işıklar Belediyesi",
                "SU FATURASI",
                "Fatura No", "2026-03-000123",
                "Fatura Tarihi", "14.03.2026",
                "Dönem", "2026-03",
                "Abone No", "100123",
                "Adı Soyadı", "İs*** Iş***",
                "Adres", "Çamlıca Köyü, Işık Sokağı No: 7, DAĞDİBİ Mahallesi, İZMİR",
                "Abone Grubu", "Mesken",
                "Sayaç Seri No", "ĞİŞ-2019-0042",
                "İlk Endeks", "4521", "14.02.2026",
                "Son Endeks", "4534",
                "Tüketim", "13 m³",
                "Su bedeli (0–10 m³ kademesi)", "10 m³ × ₺20,00", "₺200,00",
                "Su bedeli (10 m³ üzeri kademe)", "3 m³ × ₺30,00", "₺90,00",
                "Atıksu bedeli (su bedeli ₺290,00 × %50)", "₺145,00",
                "Sabit ücret", "1 × ₺10,00", "₺10,00",
                "Çevre temizlik vergisi (ÇTV)", "13 m³ × ₺0,60", "₺7,80",
                "KDV %1 (₺290,00 üzerinden)", "₺2,90",
                "KDV %10 (₺145,00 üzerinden)", "₺14,50",
                "Dönem Toplamı", "₺470,20",
                "Önceki Dönem Borcu", "₺1.234,56",
                "Gecikme Zammı", "₺45,68",
                "ÖDENECEK TUTAR", "₺1.750,44",
                "Son Ödeme Tarihi", "24.03.2026",
                "Ödeme Kodu", "ABCD-2345",
                "https://portal.su-tahsilat.example/fatura/2026-03-000123?t=Qm9hcmQtc2lnbmVkLXRva2Vu");
        assertThat(bill.amountToPay().format(Locale.forLanguageTag("tr"))).isEqualTo("₺1.750,44");

        // rows that overlap would merge into one text line: each of these labels starts a line of its own
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper byPosition = new PDFTextStripper();
            byPosition.setSortByPosition(true);
            List<String> lines = List.of(byPosition.getText(doc).split("\\R"));
            assertThat(lines).anyMatch(l -> l.startsWith("Abone No 100123 Abone Grubu Mesken"))
                    .anyMatch(l -> l.startsWith("Adı Soyadı İs*** Iş*** Sayaç Seri No ĞİŞ-2019-0042"))
                    .anyMatch(l -> l.startsWith("Adres Çamlıca Köyü"))
                    .anyMatch(l -> l.startsWith("ÖDENECEK TUTAR ₺1.750,44"));
        }
    }

    @Test
    void theQrCodeOnThePageDecodesToExactlyThePortalUrl() throws Exception {
        BillDocument bill = SampleBills.municipal(7).build();
        byte[] pdf = turkish.render(bill);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.GRAY);
            assertThat(decodeQr(page)).isEqualTo(bill.portalUrl().toString())
                    .isEqualTo("https://portal.su-tahsilat.example/fatura/2026-03-000007?t=Qm9hcmQtc2lnbmVkLXRva2Vu");
        }
    }

    @Test
    void aBatchPrintsOnePagePerBillInOrder() throws IOException {
        List<BillDocument> bills = List.of(SampleBills.municipal(1).build(), SampleBills.municipal(2).build(),
                SampleBills.municipal(3).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(turkish.renderBatch(bills, out)).isEqualTo(3);

        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            for (int i = 1; i <= 3; i++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                String page = normalize(stripper.getText(doc));
                assertThat(page).contains("2026-03-00000" + i, "10000" + i);
                for (int other = 1; other <= 3; other++) {
                    if (other != i) {
                        assertThat(page).doesNotContain("2026-03-00000" + other);
                    }
                }
            }
        }
    }

    @Test
    void aBatchOf500BillsIsQuickAndSmallWithTheFontsEmbeddedOnce() throws Exception {
        List<BillDocument> bills = IntStream.rangeClosed(1, 500).mapToObj(n -> SampleBills.municipal(n).build())
                .toList();
        turkish.render(bills.get(0)); // warm-up: class loading, font bytes
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int pages = turkish.renderBatch(bills, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        double mb = out.size() / 1024.0 / 1024.0;
        System.out.printf(Locale.ROOT, "bill-pdf batch bills=%d seconds=%.2f size_mb=%.2f kb_per_bill=%.1f%n",
                pages, seconds, mb, out.size() / 1024.0 / pages);

        assertThat(pages).isEqualTo(500);
        assertThat(seconds).isLessThan(30);
        assertThat(mb).isLessThan(20);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(500);
            Set<Object> fontObjects = new HashSet<>();
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    COSBase ref = resources.getCOSObject().getCOSDictionary(COSName.FONT).getItem(name);
                    assertThat(ref).as("fonts are shared indirect objects").isInstanceOf(COSObject.class);
                    fontObjects.add(((COSObject) ref).getKey());
                }
            }
            assertThat(fontObjects).as("one regular and one bold font object for the whole document").hasSize(2);
            PDFont font = doc.getPage(499).getResources().getFont(
                    doc.getPage(499).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans.*"); // a subset
            String last = normalize(textOfPage(doc, 500));
            assertThat(last).contains("2026-03-000500", "₺1.750,44");
        }
    }

    @Test
    void englishLabelsAndEnglishMoneyWhenEnglishIsChosen() throws IOException {
        BillDocument bill = SampleBills.municipal(9).build();
        String text = text(new BillPdfRenderer(Locale.ENGLISH).render(bill));
        assertThat(text).contains("WATER BILL", "Subscriber No", "Residential", "AMOUNT TO PAY", "₺1,750.44",
                "Previous Unpaid Debt", "₺1,234.56", "Due Date", "24/03/2026", "Payment Code", "ABCD-2345");
        assertThat(text).doesNotContain("ÖDENECEK");
    }

    @Test
    void anEstimatedReadingAndMissingOptionalFieldsStillPrint() throws IOException {
        BillDocument bill = SampleBills.municipal(11).meterSerial(null).address(null).previousIndex(0, null)
                .estimatedReading(true).consumptionM3(13).build();
        String text = text(turkish.render(bill));
        assertThat(text).contains("4534 (tahmini)", "Sayaç Seri No -", "Adres -", "13 m³");
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfStoppingThePrint() throws IOException {
        BillDocument bill = SampleBills.municipal(12)
                .address("Çamlıca Köyü 水 No:\t3\nİZMİR").build();
        String text = text(turkish.render(bill));
        assertThat(text).contains("Çamlıca Köyü ? No: 3 İZMİR");
    }

    @Test
    void aLongAddressAndDescriptionWrapWithoutLosingWords() throws IOException {
        String address = "Çamlıca Köyü Yukarı Mahalle Işıklar Sokağı Değirmen Yolu Üzeri Şelale Karşısı "
                + "Öğretmenevi Arkası No: 128 İç Kapı: 4 Ğ Blok Dağdibi Mevkii Ödemiş / İZMİR";
        BillDocument bill = SampleBills.municipal(13).address(address).build();
        String text = text(turkish.render(bill));
        assertThat(text).contains(address);
    }

    private static String decodeQr(BufferedImage image) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return result.getText();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            return normalize(new PDFTextStripper().getText(doc));
        }
    }

    private static String textOfPage(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }

    /** Line breaks (from wrapping and table rows) and runs of spaces as one space. */
    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
