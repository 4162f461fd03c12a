package org.sutahsilat.portal;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sutahsilat.portal.PortalTestData.*;

/**
 * The portal as a subscriber's phone sees it: the real WAR on Payara Micro, the embedded MariaDB seeded over JDBC,
 * plain HTTP (form fields and the Faces view state parsed from the HTML, cookies kept per test).
 * All portal container tests live in this one class: each deployment costs a Payara Micro start.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalIT {

    private static final String GENERIC_FAILURE = "Abone numarası veya ödeme kodu hatalı.";

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        PortalTestData.seed();
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("su.test.war")));
    }

    @ArquillianResource
    URL base;

    PortalBrowser browser;

    @BeforeEach
    void newBrowser() throws Exception {
        browser = new PortalBrowser(base.toURI());
        forgetFailedLookups(); // every test's client is 127.0.0.1: one test's wrong codes must not block the next
    }

    private static void forgetFailedLookups() throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(System.getProperty("su.test.db.url"),
                System.getProperty("su.test.db.user"), System.getProperty("su.test.db.password"));
             java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM portal_lookup_failure");
        }
    }

    @Test
    void startPageShowsTheFormTheActiveInstitutionsAndTurkishLabels() throws Exception {
        HttpResponse<String> page = browser.get("");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("UTF-8"));
        String html = page.body();
        assertThat(html).containsPattern("<html[^>]* lang=\"tr\"").contains("Fatura sorgulama", "Abone numarası", "Ödeme kodu",
                "Borcumu göster", "Kişisel verileriniz (KVKK)", INSTITUTION_A, INSTITUTION_B);
        assertThat(html).doesNotContain(INSTITUTION_INACTIVE);
        PortalBrowser.Form form = browser.form("lookup");
        assertThat(form.method).isEqualToIgnoringCase("post");
        assertThat(form.action).doesNotContain("?");
        assertThat(html).containsPattern("<input[^>]*name=\"lookup:subscriberNo\"[^>]*inputmode=\"numeric\"")
                .containsPattern("<input[^>]*name=\"lookup:paymentCode\"[^>]*autocomplete=\"off\"")
                .containsPattern("<input[^>]*name=\"lookup:paymentCode\"[^>]*autocapitalize=\"characters\"")
                .contains("jakarta.faces.ViewState");
    }

    @Test
    void theRightNumberAndCodeShowMaskedNameOpenBillsAndTotal() throws Exception {
        HttpResponse<String> result = browser.lookup(INSTITUTION_A, A_DEBTOR_NO, A_DEBTOR_CODE);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.uri().getQuery()).isNull();
        String html = result.body();
        assertThat(html).contains("Borç durumu", INSTITUTION_A, A_DEBTOR_NO, "Ay*** Yı***",
                "A-2026-0002", "A-2026-0003", "₺500,00", "₺234,56", "₺1.000,00", "₺1.234,56", "Son ödeme tarihi");
        assertThat(html).doesNotContain("Ayşe", "Yılmaz", GENERIC_FAILURE)
                .as("the payment code is never written back").doesNotContain(A_DEBTOR_CODE, "AB23-CD45");
        String open = html.substring(html.indexOf("Ödenmemiş faturalar"), html.indexOf("id=\"paid-bills\""));
        assertThat(open).as("the fully paid bill is not among the open ones").doesNotContain("A-2026-0001")
                .contains("A-2026-0002", "A-2026-0003");
        assertThat(count(open, "class=\"badge overdue\"")).as("only the partly paid bill is overdue").isEqualTo(1);
        assertThat(result.headers().firstValue("Cache-Control")).hasValue("no-store");
        browser.save("result-tr");
    }

    /** Below the open bills: the paid bills with the day paid, the receipts, and a PDF of every one of them. */
    @Test
    void theStatementListsPaidBillsAndReceiptsWithTheirPdfsForThisSubscriberOnly() throws Exception {
        String html = browser.lookup(INSTITUTION_A, A_DEBTOR_NO, A_DEBTOR_CODE).body();
        String paid = section(html, "id=\"paid-bills\"");
        assertThat(paid).contains("A-2026-0001", "₺100,00", "Ödendiği gün").doesNotContain("A-2026-0002");
        String receipts = section(html, "id=\"receipts\"");
        assertThat(receipts).contains("R-TST-1", "₺365,44", "Nakit");

        List<String> pdfs = new java.util.ArrayList<>();
        Matcher link = Pattern.compile("<a class=\"pdf-link\" href=\"([^\"]+)\"").matcher(html);
        while (link.find()) {
            pdfs.add(link.group(1).replace("&amp;", "&"));
        }
        assertThat(pdfs).as("three bills and one receipt").hasSize(4);
        for (String pdf : pdfs) {
            HttpResponse<String> r = browser.get(pdf);
            assertThat(r.statusCode()).as(pdf).isEqualTo(200);
            assertThat(r.body()).startsWith("%PDF-");
        }
        String receiptPdf = pdfs.stream().filter(p -> p.contains("makbuz")).findFirst().orElseThrow();
        assertThat(receiptPdf).matches(".*/makbuz\\?t=[^&]+&p=\\d+");

        // the receipt link's token names this subscriber: another subscriber's payment id, a changed token or id: 404
        long paymentOfB = idOf("SELECT id FROM payment WHERE receipt_no = 'R-TST-B1'");
        assertThat(browser.get(receiptPdf.replaceAll("&p=\\d+", "&p=" + paymentOfB)).statusCode()).isEqualTo(404);
        assertThat(browser.get(receiptPdf.replaceAll("&p=\\d+", "&p=x")).statusCode()).isEqualTo(404);
        String token = receiptPdf.replaceAll(".*t=([^&]+)&.*", "$1");
        String changed = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(browser.get(receiptPdf.replace(token, changed)).statusCode()).isEqualTo(404);
    }

    private static String section(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as(marker).isNotNegative();
        return html.substring(start, html.indexOf("</ul>", start));
    }

    @Test
    void theCodeMayBeTypedInLowerCaseWithADash() throws Exception {
        assertThat(browser.lookup(INSTITUTION_A, A_DEBTOR_NO, "ab23-cd45").body()).contains("₺1.234,56");
    }

    @Test
    void noOpenBillsSaysThereIsNoDebt() throws Exception {
        String html = browser.lookup(INSTITUTION_A, A_CLEAR_NO, A_CLEAR_CODE).body();
        assertThat(html).contains("Borcunuz bulunmamaktadır.", "Me*** Öz***").doesNotContain("₺", "Mehmet");
    }

    @Test
    void wrongCodeAndUnknownNumberGetTheSameAnswer() throws Exception {
        String wrongCode = browser.lookup(INSTITUTION_A, A_DEBTOR_NO, "ZZZZ9999").body();
        String unknownNumber = new PortalBrowser(base.toURI()).lookup(INSTITUTION_A, "9999", A_DEBTOR_CODE).body();
        for (String html : List.of(wrongCode, unknownNumber)) {
            assertThat(html).contains(GENERIC_FAILURE).doesNotContain("Ay***", "₺", "A-2026", "Borç durumu")
                    .as("the typed code is not written back").doesNotContain("ZZZZ9999", A_DEBTOR_CODE);
        }
        assertThat(normalize(wrongCode, A_DEBTOR_NO)).isEqualTo(normalize(unknownNumber, "9999"));
        browser.save("failure-tr");
    }

    @Test
    void malformedInputGetsTheSameGenericAnswer() throws Exception {
        for (String number : List.of("12a!", "1001' OR '1'='1", "123456789012345678901234")) {
            String html = new PortalBrowser(base.toURI()).lookup(INSTITUTION_A, number, A_DEBTOR_CODE).body();
            assertThat(html).as(number).contains(GENERIC_FAILURE).doesNotContain("₺");
        }
    }

    @Test
    void aNumberOfInstitutionBDoesNotOpenWithInstitutionASelected() throws Exception {
        assertThat(browser.lookup(INSTITUTION_A, B_DEBTOR_NO, B_DEBTOR_CODE).body())
                .contains(GENERIC_FAILURE).doesNotContain("Fa*** Ka***", "₺150,00");
        assertThat(browser.lookup(INSTITUTION_B, A_DEBTOR_NO, A_DEBTOR_CODE).body())
                .as("same number in B, A's code").contains(GENERIC_FAILURE).doesNotContain("Ay***", "Ha***");
        assertThat(browser.lookup(INSTITUTION_B, B_DEBTOR_NO, B_DEBTOR_CODE).body())
                .contains(INSTITUTION_B, "Fa*** Ka***", "B-2026-0001", "₺150,00").doesNotContain("A-2026");
    }

    @Test
    void emptyFieldsGetFieldMessagesNotTheGenericOne() throws Exception {
        String html = browser.lookup(INSTITUTION_A, "", "").body();
        assertThat(html).contains("Lütfen abone numaranızı yazın.", "Lütfen ödeme kodunu yazın.")
                .doesNotContain(GENERIC_FAILURE);
    }

    @Test
    void englishShowsEnglishLabelsAndAmounts() throws Exception {
        browser.get("");
        HttpResponse<String> english = browser.follow("lang-en");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).containsPattern("<html[^>]* lang=\"en\"").contains("Subscriber number", "Payment code", "Show my bills")
                .doesNotContain("Abone numarası");
        String result = browser.lookup(INSTITUTION_A, A_DEBTOR_NO, A_DEBTOR_CODE).body();
        browser.save("result-en");
        assertThat(result).contains("Account status", "₺1,234.56", "₺234.56", "Overdue", "Ay*** Yı***");
        String failed = browser.lookup(INSTITUTION_A, A_DEBTOR_NO, "ZZZZ9999").body();
        assertThat(failed).contains("The subscriber number or the payment code is wrong.");
        browser.save("failure-en");
        browser.follow("lang-tr");
        assertThat(browser.get("").body()).containsPattern("<html[^>]* lang=\"tr\"").contains("Abone numarası");
    }

    @Test
    void thePageIsBuiltForAPhoneScreen() throws Exception {
        String html = browser.get("").body();
        browser.save("start-tr");
        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"");
        assertThat(html).doesNotContain("<script").doesNotContain(" style=\"");
        Matcher link = Pattern.compile("<link\\b[^>]*href=\"([^\"]*portal\\.css[^\"]*)\"").matcher(html);
        assertThat(link.find()).isTrue();
        HttpResponse<String> css = browser.get(PortalBrowser.attribute(link.group(), "href"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("text/css"));
        Matcher width = Pattern.compile("(?<![\\w-])(min-width|width)\\s*:\\s*(\\d+(?:\\.\\d+)?)px").matcher(css.body());
        while (width.find()) {
            assertThat(Double.parseDouble(width.group(2))).as(width.group()).isLessThanOrEqualTo(360);
        }
        assertThat(css.body()).contains("@media (min-width:");
        browser.save("portal.css");
    }

    @Test
    void securityHeadersAndSessionCookie() throws Exception {
        HttpResponse<String> page = browser.get("");
        var headers = page.headers();
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).contains("frame-ancestors 'none'", "default-src 'self'"));
        assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
        String cookie = headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith("SU_PORTAL_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + headers.map()));
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void errorsShowOneFriendlyTranslatedPage() throws Exception {
        HttpResponse<String> missing = browser.get("no-such-page.xhtml");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Aradığınız sayfa bulunamadı.", "Sorgulama sayfasına dön");
        assertThat(browser.get("no-such-file").body()).contains("Aradığınız sayfa bulunamadı.");

        browser.get("");
        PortalBrowser.Form form = browser.form("lookup");
        form.fields.put("jakarta.faces.ViewState", "-1234567890:987654321");
        HttpResponse<String> expired = new PortalBrowser(base.toURI()).post(form.action, form.fields);
        assertThat(expired.body()).contains("Sayfanın süresi doldu.");
        for (HttpResponse<String> r : List.of(missing, expired)) {
            assertThat(r.body()).doesNotContain("Exception", "at org.", "at jakarta.", "Payara");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    /** The page without what legitimately differs between two answers: view state, generated ids, typed number. */
    private static String normalize(String html, String typedNumber) {
        return html.replaceAll("<input[^>]*jakarta\\.faces\\.ViewState[^>]*>", "<VIEWSTATE>")
                .replaceAll("j_id[\\w:]*", "ID")
                .replace("value=\"" + typedNumber + "\"", "value=\"TYPED\"");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    // ---------------------------------------------------------------- card payment page (odeme/index.xhtml)

    /**
     * Card payment is off in this deployment (no iyzico settings): the statement offers no pay link, and the payment
     * page opens only with a genuine, unexpired access token of the subscriber, then says card payment is off.
     */
    @Test
    void thePaymentPageNeedsAGenuineAccessTokenAndSaysWhenCardPaymentIsOff() throws Exception {
        HttpResponse<String> statement = browser.lookup(INSTITUTION_A, A_DEBTOR_NO, A_DEBTOR_CODE);
        assertThat(statement.body()).contains("A-2026-0002").doesNotContain("odeme/index.xhtml");

        long institution = idOf("SELECT id FROM institution WHERE code = 'TST-A'");
        long subscriber = idOf("SELECT id FROM subscriber WHERE institution_id = " + institution
                + " AND subscriber_no = '" + A_DEBTOR_NO + "'");
        java.time.Clock clock = java.time.Clock.systemUTC();
        org.sutahsilat.domain.security.PortalTokens tokens = org.sutahsilat.domain.security.PortalTokens.fromSettings(
                java.util.Optional.empty(), java.util.Optional.of(System.getProperty("su.test.crypto.key")), clock);
        String token = tokens.access(institution, subscriber, java.time.Duration.ofMinutes(5));

        HttpResponse<String> page = browser.get("odeme/index.xhtml?t=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kartla öde", "Kartla ödeme şu anda kullanılamıyor.")
                .doesNotContain("Ayşe", "Yılmaz");

        String tampered = token.replace(institution + "." + subscriber + ".", institution + "." + (subscriber + 1)
                + ".");
        assertThat(tampered).isNotEqualTo(token);
        assertThat(browser.get("odeme/index.xhtml?t=" + tampered).statusCode()).isEqualTo(404);
        assertThat(browser.get("odeme/index.xhtml").statusCode()).isEqualTo(404);
        assertThat(browser.get("odeme/index.xhtml?t=garbage").statusCode()).isEqualTo(404);
        String expired = tokens.access(institution, subscriber, java.time.Duration.ofSeconds(-1));
        assertThat(browser.get("odeme/index.xhtml?t=" + expired).statusCode()).isEqualTo(404);
        // a bill token (the printed QR) is not an access token
        assertThat(browser.get("odeme/index.xhtml?t=" + tokens.bill(institution, subscriber)).statusCode())
                .isEqualTo(404);
    }

    // ---------------------------------------------------------------- a printed bill's QR page (/fatura/<token>)

    /** The QR of a printed bill opens that one bill; a changed token, or a token for another institution's bill, 404. */
    @Test
    void aPrintedBillsQrOpensThatBillOnlyAndItsPdf() throws Exception {
        java.time.Clock clock = java.time.Clock.systemUTC();
        org.sutahsilat.domain.security.PortalTokens tokens = org.sutahsilat.domain.security.PortalTokens.fromSettings(
                java.util.Optional.empty(), java.util.Optional.of(System.getProperty("su.test.crypto.key")), clock);
        long a = idOf("SELECT id FROM institution WHERE code = 'TST-A'");
        long b = idOf("SELECT id FROM institution WHERE code = 'TST-B'");
        long partly = idOf("SELECT id FROM bill WHERE bill_no = 'A-2026-0002'");
        long ofB = idOf("SELECT id FROM bill WHERE bill_no = 'B-2026-0001'");
        String token = tokens.bill(a, partly);

        HttpResponse<String> page = browser.get("fatura/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Faturanız", INSTITUTION_A, A_DEBTOR_NO, "Ay*** Yı***", "A-2026-0002",
                "₺500,00", "₺234,56", "Faturayı indir (PDF)")
                .as("only this bill").doesNotContain("A-2026-0003", "A-2026-0001", "₺1.234,56")
                .doesNotContain("Ayşe", "Yılmaz", A_DEBTOR_CODE)
                .as("card payment is off here").doesNotContain("odeme/index.xhtml");
        assertThat(page.headers().allValues("Set-Cookie")).as("a QR page keeps no session")
                .noneMatch(c -> c.startsWith("SU_PORTAL_SESSION="));

        // the language switch is a link to the same bill page; the choice is remembered for the next page
        HttpResponse<String> english = browser.follow("lang-en");
        assertThat(english.uri().getPath()).endsWith("/fatura/" + token);
        assertThat(english.body()).containsPattern("<html[^>]* lang=\"en\"").contains("A-2026-0002", "₺234.56")
                .doesNotContain("Faturanız");
        assertThat(english.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("SU_LANG=en"))
                .noneMatch(c -> c.startsWith("SU_PORTAL_SESSION="));
        assertThat(browser.get("fatura/" + token).body()).containsPattern("<html[^>]* lang=\"en\"");
        browser.follow("lang-tr");

        HttpResponse<String> pdf = browser.get("fatura/" + token + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/pdf"));
        assertThat(pdf.body()).startsWith("%PDF-");

        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(browser.get("fatura/" + tampered).statusCode()).isEqualTo(404);
        assertThat(browser.get("fatura/" + tampered + "/pdf").statusCode()).isEqualTo(404);
        assertThat(browser.get("fatura/" + token.replace(a + "." + partly + ".", a + "." + ofB + "."))
                .statusCode()).isEqualTo(404);
        // genuinely signed, but the bill is not the named institution's: nothing
        assertThat(browser.get("fatura/" + tokens.bill(a, ofB)).statusCode()).isEqualTo(404);
        assertThat(browser.get("fatura/" + tokens.bill(a, ofB) + "/pdf").statusCode()).isEqualTo(404);
        assertThat(browser.get("fatura/" + tokens.bill(b, ofB)).body()).contains("B-2026-0001")
                .doesNotContain("A-2026-0002");
        assertThat(browser.get("fatura/").statusCode()).isEqualTo(404);
        assertThat(browser.get("fatura.xhtml").statusCode()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- the statement's total includes the surcharge

    /**
     * An institution under Law 6183 (3.7 % a month): a 300.00 bill overdue by 40 days shows its surcharge due today and
     * the total debt includes it. The amount is the ledger's (SurchargeCalculator's hand-computed cases are its unit
     * tests): here it proves the portal shows what the cashier's screen would.
     */
    @Test
    void theStatementShowsTheSurchargeDueTodayAndTheTotalIncludesIt() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Istanbul"));
        java.time.LocalDate due = today.minusDays(40);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(System.getProperty("su.test.db.url"),
                System.getProperty("su.test.db.user"), System.getProperty("su.test.db.password"))) {
            long inst = insertRow(c, "INSERT INTO institution (code, name, kind, province, district, active,"
                    + " surcharge_policy, created_at) VALUES ('TST-S', 'Gecikmeli Köy', 'VILLAGE', 'Bolu', 'Göynük',"
                    + " TRUE, 'LAW_6183', NOW())");
            long sub = insertRow(c, "INSERT INTO subscriber (institution_id, subscriber_no, full_name, category,"
                    + " payment_code, created_at) VALUES (" + inst + ", '3001', 'Zeynep Arslan', 'RESIDENTIAL',"
                    + " 'QW34ER56', NOW())");
            insertRow(c, "INSERT INTO bill (institution_id, subscriber_id, bill_no, period, issue_date, due_date,"
                    + " consumption_m3, total, status, created_at) VALUES (" + inst + ", " + sub + ", 'S-2026-0001',"
                    + " '" + java.time.YearMonth.from(due.minusDays(20)) + "', '" + due.minusDays(15) + "', '" + due
                    + "', 20, 300.00, 'ISSUED', NOW())");
        }
        org.sutahsilat.domain.shared.Money surcharge = new org.sutahsilat.domain.surcharge.SurchargeCalculator(
                org.sutahsilat.domain.institution.SurchargePolicy.LAW_6183,
                List.of(org.sutahsilat.domain.surcharge.SurchargeRate.of("2025-11-14", "0.037")))
                .surcharge(org.sutahsilat.domain.shared.Money.of("300.00"), due, today);
        assertThat(surcharge.isPositive()).isTrue();
        String debt = org.sutahsilat.domain.shared.Money.of("300.00").plus(surcharge)
                .format(java.util.Locale.forLanguageTag("tr"));

        String html = browser.lookup("Gecikmeli Köy", "3001", "QW34ER56").body();
        assertThat(html).contains("S-2026-0001", "₺300,00", "Gecikme zammı",
                surcharge.format(java.util.Locale.forLanguageTag("tr")));
        Matcher total = Pattern.compile("id=\"total-debt\">([^<]+)<").matcher(html);
        assertThat(total.find()).isTrue();
        assertThat(total.group(1)).isEqualTo(debt);
    }

    private static long insertRow(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.executeUpdate(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
            try (java.sql.ResultSet keys = st.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }

    // ---------------------------------------------------------------- lookup rate limit

    /** Ten wrong codes within ten minutes: the eleventh lookup is refused, even with the right code, and says until when. */
    @Test
    void tenFailedLookupsBlockTheNextOneEvenWithTheRightCode() throws Exception {
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> wrong = browser.lookup(INSTITUTION_A, A_DEBTOR_NO, "ZZZZ999" + (i % 8 + 2));
            assertThat(wrong.body()).as("attempt %d", i + 1).contains(GENERIC_FAILURE)
                    .doesNotContain("Çok fazla hatalı deneme");
        }
        HttpResponse<String> refused = browser.lookup(INSTITUTION_A, A_DEBTOR_NO, A_DEBTOR_CODE);
        assertThat(refused.body()).containsPattern("Çok fazla hatalı deneme yapıldı\\..*saat [0-2][0-9]:[0-5][0-9]")
                .doesNotContain("A-2026-0002", "Ay*** Yı***");
        // another subscriber number from the same client is refused too (the address counts)
        assertThat(browser.lookup(INSTITUTION_B, B_DEBTOR_NO, B_DEBTOR_CODE).body())
                .contains("Çok fazla hatalı deneme").doesNotContain("B-2026-0001");
        forgetFailedLookups();
        assertThat(browser.lookup(INSTITUTION_A, A_DEBTOR_NO, A_DEBTOR_CODE).body()).contains("A-2026-0002");
    }

    // ---------------------------------------------------------------- consumption chart

    /** The statement draws the last twelve months' consumption (4, 19 and 31 m³ billed) as SVG bars, with the numbers. */
    @Test
    void theStatementChartsTheLastTwelveMonthsConsumption() throws Exception {
        String html = browser.lookup(INSTITUTION_A, A_DEBTOR_NO, A_DEBTOR_CODE).body();
        assertThat(html).contains("Son 12 ayın tüketimi (m³)", "id=\"consumption-chart\"");
        Matcher bars = Pattern.compile("<rect [^>]*class=\"bar\"").matcher(html);
        int count = 0;
        while (bars.find()) {
            count++;
        }
        assertThat(count).isEqualTo(12);
        assertThat(html).containsPattern("<rect [^>]*height=\"100\"[^>]*class=\"bar\"") // 31 m³, the largest
                .containsPattern("<rect [^>]*height=\"61\"[^>]*class=\"bar\"")       // 19 m³
                .containsPattern("<rect [^>]*height=\"13\"[^>]*class=\"bar\"");      // 4 m³
        assertThat(html).containsPattern("<td>[^<]+</td><td>31</td>").containsPattern("<td>[^<]+</td><td>4</td>")
                .as("no script draws it").doesNotContain("<script");
    }

    private static long idOf(String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(System.getProperty("su.test.db.url"),
                System.getProperty("su.test.db.user"), System.getProperty("su.test.db.password"));
             java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }
}
