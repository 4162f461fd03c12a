package org.sutahsilat.infrastructure.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.domain.payment.PaymentChannel;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptPdfRendererTest {

    private static ReceiptDocument receipt(boolean reversed) {
        return new ReceiptDocument(7, 1, "Çamlıca Köyü Işıklar Muhtarlığı", "CAMLICA-M2026-000042",
                Instant.parse("2026-03-20T11:05:00Z"), LocalDate.of(2026, 3, 20), "100123", "İs*** Iş***",
                Money.of("1250.00"), PaymentChannel.CASH, null,
                List.of(new ReceiptDocument.Line("CAMLICA-2026-000101", BillingPeriod.of(2026, 1), Money.of("8.02"),
                                Money.of("100.00")),
                        new ReceiptDocument.Line("CAMLICA-2026-000230", BillingPeriod.of(2026, 2), Money.of("5.18"),
                                Money.of("1036.56"))),
                Money.of("100.24"), Money.of("73.76"), Money.of("100.24"), "Gülşen Ağaoğlu", reversed,
                reversed ? "CAMLICA-M2026-000043" : null, reversed ? "Yanlış abone seçildi" : null, false);
    }

    @Test
    void everyFieldCanBeReadBackWithTurkishLettersAndTheLiraSign() throws IOException {
        byte[] pdf = new ReceiptPdfRenderer(Locale.forLanguageTag("tr")).render(receipt(false));
        Path sample = Path.of(System.getProperty("basedir", "."), "target", "sample-receipt.pdf");
        Files.createDirectories(sample.getParent());
        Files.write(sample, pdf);

        String text = text(pdf);
        assertThat(text.replace('\n', ' ')).contains("Çamlıca Köyü Işıklar Muhtarlığı");
        assertThat(text).contains("TAHSİLAT MAKBUZU",
                "Makbuz No", "CAMLICA-M2026-000042",
                "Tarih / Saat", "20.03.2026 14:05",               // 11:05 UTC is 14:05 in Türkiye
                "Abone No", "100123", "Adı Soyadı", "İs*** Iş***",
                "Tahsil Edilen Tutar", "₺1.250,00", "Ödeme Şekli", "Nakit",
                "CAMLICA-2026-000101", "2026-01", "₺8,02", "₺100,00", "₺108,02",
                "CAMLICA-2026-000230", "₺5,18", "₺1.036,56", "₺1.041,74",
                "Alacak olarak ayrılan", "₺100,24", "Kalan borç", "₺73,76", "Alacak bakiyesi",
                "Tahsil eden", "Gülşen Ağaoğlu");
        assertThat(text).doesNotContain("İPTAL").doesNotContain("?");
    }

    @Test
    void aReversedPaymentsReceiptSaysIptalWithTheCancellationAndTheReason() throws IOException {
        byte[] pdf = new ReceiptPdfRenderer(Locale.forLanguageTag("tr")).render(receipt(true));
        Path sample = Path.of(System.getProperty("basedir", "."), "target", "sample-receipt-reversed.pdf");
        Files.createDirectories(sample.getParent());
        Files.write(sample, pdf);
        String text = text(pdf);
        assertThat(text).contains("İPTAL", "İPTAL EDİLDİ — iptal makbuzu CAMLICA-M2026-000043",
                "Sebep: Yanlış abone seçildi");
    }

    @Test
    void inEnglish() throws IOException {
        String text = text(new ReceiptPdfRenderer(Locale.ENGLISH).render(receipt(false)));
        assertThat(text).contains("PAYMENT RECEIPT", "Receipt No", "Amount received", "₺1,250.00", "Cash",
                "Remaining debt", "₺73.76", "Received by", "20/03/2026 14:05");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(doc);
        }
    }
}
