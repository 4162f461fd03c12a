package org.sutahsilat.portal.bill;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.billing.BillBalance;
import org.sutahsilat.domain.billing.PortalBill;
import org.sutahsilat.domain.payment.QrBillService;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.portal.i18n.LocaleBacking;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class QrBillPageTest {

    private static final LocalDate DUE = LocalDate.of(2026, 9, 20);

    private static QrBillService.QrBill bill(String institution, String paid, String surcharge) {
        BillBalance balance = new BillBalance(442, "K01-2026-000442", BillingPeriod.parse("2026-09"), DUE, 16,
                Money.of("1234.50"), Money.of(paid));
        return new QrBillService.QrBill(new PortalBill(1, institution, 2, "1002", "Sa*** Ş***", balance),
                Money.of(surcharge));
    }

    private static QrBillPage turkish() {
        return new QrBillPage(LocaleBacking.TURKISH, "/portal", "/fatura/t?lang=tr", "/fatura/t?lang=en");
    }

    /** The page parsed as XML: it must be well-formed (every element closed, every text escaped). */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    private static String at(Document page, String xpath) throws Exception {
        return ((String) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.STRING)).strip();
    }

    private static boolean has(Document page, String id) throws Exception {
        return !at(page, "count(//*[@id='" + id + "'])").equals("0");
    }

    @Test
    void anOverdueOpenBillShowsWhatIsOpenTheSurchargeAndWhatToPayTodayInTurkish() throws Exception {
        String html = turkish().render(bill("Çamlıca Köyü Muhtarlığı", "200.00", "12.34"), DUE.plusDays(1),
                "/fatura/t/pdf", "/odeme/index.xhtml?t=a.b");
        Document page = parse(html);
        assertThat(at(page, "/html/@lang")).isEqualTo("tr");
        assertThat(at(page, "//title")).isEqualTo("Faturanız · Su Tahsilat");
        assertThat(at(page, "//link[@rel='stylesheet']/@href")).isEqualTo("/portal" + QrBillPage.STYLESHEET);
        assertThat(at(page, "//span[@class='brand-tagline']")).isEqualTo("Çamlıca Köyü Muhtarlığı");
        assertThat(at(page, "//*[@id='bill-subscriber']")).isEqualTo("1002");
        assertThat(at(page, "//dd[@class='masked-name']")).isEqualTo("Sa*** Ş***");
        assertThat(at(page, "//*[@id='bill']/@class")).isEqualTo("card bill is-overdue");
        assertThat(at(page, "//span[@class='bill-period']")).isEqualTo("Eylül 2026");
        assertThat(at(page, "//span[@class='badge overdue']")).isEqualTo("Gecikmiş");
        assertThat(has(page, "bill-paid")).isFalse();
        assertThat(at(page, "//*[@id='bill-no']")).isEqualTo("K01-2026-000442");
        assertThat(html).contains("<dd>20.09.2026</dd>", "<dd>16 m³</dd>", "<dd>₺1.234,50</dd>");
        assertThat(at(page, "//*[@id='bill-open']")).isEqualTo("₺1.034,50");
        assertThat(at(page, "//*[@id='bill-surcharge']")).isEqualTo("₺12,34");
        assertThat(at(page, "//*[@id='bill-to-pay']")).isEqualTo("₺1.046,84");
        assertThat(at(page, "//*[@id='pay']/@href")).isEqualTo("/portal/odeme/index.xhtml?t=a.b");
        assertThat(at(page, "//*[@id='pay']")).isEqualTo("Kartla öde");
        assertThat(at(page, "//*[@id='bill-pdf']/@href")).isEqualTo("/portal/fatura/t/pdf");
        assertThat(at(page, "//*[@id='lang-tr']/@href")).isEqualTo("/fatura/t?lang=tr");
        assertThat(at(page, "//*[@id='lang-tr']/@aria-current")).isEqualTo("true");
        assertThat(at(page, "//*[@id='lang-en']/@aria-current")).isEqualTo("false");
        assertThat(at(page, "//*[@id='lang-en']/@class")).isEqualTo("lang-btn");
        assertThat(at(page, "//footer/h2")).isEqualTo("Kişisel verileriniz (KVKK)");
        assertThat(html).doesNotContain("???").doesNotContain("null");
    }

    @Test
    void onItsDueDayABillIsNotOverdueAndWithoutSurchargeOrCardThoseLinesAreLeftOut() throws Exception {
        Document page = parse(turkish().render(bill("Köy", "0.00", "0.00"), DUE, "/fatura/t/pdf", null));
        assertThat(at(page, "//*[@id='bill']/@class")).isEqualTo("card bill");
        assertThat(at(page, "count(//span[@class='badge overdue'])")).isEqualTo("0");
        assertThat(has(page, "bill-surcharge")).isFalse();
        assertThat(has(page, "pay")).isFalse();
        assertThat(at(page, "//*[@id='bill-to-pay']")).isEqualTo("₺1.234,50");
    }

    @Test
    void aPaidBillSaysSoAndOffersNothingToPay() throws Exception {
        Document page = parse(turkish().render(bill("Köy", "1234.50", "0.00"), DUE.plusDays(40), "/fatura/t/pdf",
                null));
        assertThat(at(page, "//*[@id='bill-paid']")).isEqualTo("Ödendi");
        assertThat(at(page, "//*[@id='bill']/@class")).isEqualTo("card bill");
        assertThat(has(page, "bill-open")).isFalse();
        assertThat(has(page, "bill-to-pay")).isFalse();
        assertThat(has(page, "pay")).isFalse();
        assertThat(has(page, "bill-pdf")).isTrue();
    }

    @Test
    void inEnglishTheTextsDatesAndAmountsAreEnglish() throws Exception {
        QrBillPage english = new QrBillPage(LocaleBacking.ENGLISH, "", "/fatura/t?lang=tr", "/fatura/t?lang=en");
        Document page = parse(english.render(bill("Çamlıca", "0.00", "1.00"), DUE.plusDays(3),
                "/fatura/t/pdf?lang=en", "/odeme/index.xhtml?t=x"));
        assertThat(at(page, "/html/@lang")).isEqualTo("en");
        assertThat(at(page, "//title")).isEqualTo("Your bill · Su Tahsilat");
        assertThat(at(page, "//span[@class='bill-period']")).isEqualTo("September 2026");
        assertThat(at(page, "//*[@id='bill-to-pay']")).isEqualTo("₺1,235.50");
        assertThat(at(page, "//*[@id='lang-en']/@aria-current")).isEqualTo("true");
        assertThat(at(page, "//*[@id='lang-en']/@class")).isEqualTo("lang-btn active");
        assertThat(at(page, "//*[@id='bill-pdf']/@href")).isEqualTo("/fatura/t/pdf?lang=en");
        assertThat(at(page, "//a[@class='brand']/@href")).isEqualTo("/");
    }

    @Test
    void storedTextIsEscapedNeverMarkup() throws Exception {
        String html = turkish().render(bill("<script>alert('x')</script> & \"Köy\"", "0.00", "0.00"), DUE,
                "/fatura/t/pdf", null);
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                + "&quot;Köy&quot;");
        assertThat(at(parse(html), "//span[@class='brand-tagline']"))
                .isEqualTo("<script>alert('x')</script> & \"Köy\"");
    }
}
