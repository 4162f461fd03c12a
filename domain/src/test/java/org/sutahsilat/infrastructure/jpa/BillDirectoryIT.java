package org.sutahsilat.infrastructure.jpa;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.billing.BillDirectory;
import org.sutahsilat.domain.billing.BillFilter;
import org.sutahsilat.domain.billing.BillLineKind;
import org.sutahsilat.domain.billing.BillStatus;
import org.sutahsilat.domain.billing.BillSummary;
import org.sutahsilat.domain.billing.BillingRunProgress;
import org.sutahsilat.domain.billing.BillingRunService;
import org.sutahsilat.domain.document.BillDocument;
import org.sutahsilat.domain.security.PortalTokens;
import org.sutahsilat.domain.payment.PaymentChannel;
import org.sutahsilat.domain.payment.PaymentCommand;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.subscriber.PersonalDataMasking;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.tenant.FixedTenantContext;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.infrastructure.jdbc.JdbcBillingRunStore;
import org.sutahsilat.infrastructure.pdf.BillPdfRenderer;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Printed bills and the bill list from stored data, on MariaDB with the real migrations; tenant-scoped. */
class BillDirectoryIT {

    private static final URI PORTAL = URI.create("https://su.example.org/");
    private static final PortalTokens TOKENS = new PortalTokens(
            "bill-directory-it-key-32-bytes-long!".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            Clock.systemUTC());
    private static final BillingPeriod FEB = BillingPeriod.of(2026, 2);
    private static final BillingPeriod MAR = BillingPeriod.of(2026, 3);

    private static Village a;
    private static Village b;
    private static long subscriberA;
    private static long marchRunA;

    /**
     * A: one subscriber read in February (120, 20 m³) and March (139, 19 m³), both billed; 26.00 paid on the February
     * bill (126.00). B: one subscriber billed in March.
     */
    @BeforeAll
    static void data() {
        a = Village.create("Çamlıca Köyü");
        b = Village.create("Belde B");
        subscriberA = a.subscriber("Ayşe Yılmaz", "Çamlıca Köyü, Işık Sokağı No: 7");
        long meter = a.meter(subscriberA, "ĞİŞ-2019-0042", 100);
        a.reading(subscriberA, meter, FEB, LocalDate.of(2026, 2, 5), 120, 20);
        a.reading(subscriberA, meter, MAR, LocalDate.of(2026, 3, 5), 139, 19);
        long subscriberB = b.subscriber("Zeynep Güneş", null);
        b.reading(subscriberB, b.meter(subscriberB, "B-1", 0), MAR, LocalDate.of(2026, 3, 5), 19, 19);

        service(Instant.parse("2026-02-20T08:00:00Z")).start(a.id, FEB);
        marchRunA = service(Instant.parse("2026-03-20T08:00:00Z")).start(a.id, MAR).runId();
        service(Instant.parse("2026-03-20T08:00:00Z")).start(b.id, MAR);
        long febBill = id("SELECT id FROM bill WHERE institution_id = " + a.id + " AND period = '2026-02'");
        long payment = insert("INSERT INTO payment (institution_id, subscriber_id, amount, channel, paid_at, receipt_no,"
                + " created_at) VALUES (?, ?, 26.00, 'CASH', '2026-03-10 09:00:00', ?, NOW())", a.id, subscriberA,
                "R-" + a.code); // before the March bill was made (2026-03-20)
        insert("INSERT INTO payment_allocation (payment_id, bill_id, kind, amount) VALUES (?, ?, 'PRINCIPAL', 26.00)",
                payment, febBill);
    }

    private static BillingRunService service(Instant now) {
        return new BillingRunService(new ResourceLocalChunkTransactions(TestDatabase.emf()), new JdbcBillingRunStore(),
                new JpaCreditSettlement(), new FixedTenantContext(TenantScope.all()), Clock.fixed(now, ZoneOffset.UTC), 100);
    }

    private static BillDirectory directory(TenantScope scope) {
        return new BillDirectory(new ResourceLocalChunkTransactions(TestDatabase.emf()), new FixedTenantContext(scope),
                PORTAL, TOKENS);
    }

    @Test
    void theDocumentShowsWhatIsStored() {
        long marchBill = id("SELECT id FROM bill WHERE institution_id = " + a.id + " AND period = '2026-03'");
        BillDocument doc = directory(TenantScope.of(a.id)).document(marchBill);

        assertThat(doc.institutionName()).isEqualTo("Çamlıca Köyü " + a.code);
        assertThat(doc.subscriberNo().value()).isEqualTo("9" + subscriberA);
        assertThat(doc.maskedName()).isEqualTo(PersonalDataMasking.name("Ayşe Yılmaz")).doesNotContain("Yılmaz");
        assertThat(doc.address()).isEqualTo("Çamlıca Köyü, Işık Sokağı No: 7");
        assertThat(doc.category()).isEqualTo(SubscriberCategory.RESIDENTIAL);
        assertThat(doc.meterSerial()).isEqualTo("ĞİŞ-2019-0042");
        assertThat(doc.previousIndex()).isEqualTo(120);
        assertThat(doc.previousIndexDate()).isEqualTo(LocalDate.of(2026, 2, 5));
        assertThat(doc.currentIndex()).isEqualTo(139);
        assertThat(doc.currentIndexDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(doc.estimatedReading()).isFalse();
        assertThat(doc.consumptionM3()).isEqualTo(19);
        assertThat(doc.period()).isEqualTo(MAR);
        // 19 m³: 8 × 4 + 8 × 6 + 3 × 9 + fixed fee 10
        assertThat(doc.lines()).extracting(BillDocument.Line::kind).containsExactly(BillLineKind.WATER,
                BillLineKind.WATER, BillLineKind.WATER, BillLineKind.FIXED_FEE);
        assertThat(doc.lines()).extracting(BillDocument.Line::amount).containsExactly(Money.of("32.00"),
                Money.of("48.00"), Money.of("27.00"), Money.of("10.00"));
        assertThat(doc.lines().get(2).quantity()).isEqualByComparingTo("3");
        assertThat(doc.lines().get(2).unitPrice()).isEqualByComparingTo("9");
        assertThat(doc.periodTotal()).isEqualTo(Money.of("117.00"));
        // February's 126.00 less the 26.00 paid
        assertThat(doc.previousDebt()).isEqualTo(Money.of("100.00"));
        assertThat(doc.lateSurcharge()).isEqualTo(Money.ZERO);
        assertThat(doc.amountToPay()).isEqualTo(Money.of("217.00"));
        assertThat(doc.issueDate()).isEqualTo(LocalDate.of(2026, 3, 20)); // the run's day (read on 03-05)
        assertThat(doc.dueDate()).isEqualTo(LocalDate.of(2026, 4, 4));
        assertThat(doc.paymentCode().value()).isEqualTo(a.paymentCode(subscriberA));
        assertThat(doc.billNo()).isEqualTo(a.code + "-2026-000002");
        // the QR opens this one bill: a signed token naming the institution and the bill, nothing personal
        String url = doc.portalUrl().toString();
        assertThat(url).startsWith("https://su.example.org/fatura/").doesNotContain(a.paymentCode(subscriberA))
                .doesNotContain("9" + subscriberA);
        assertThat(TOKENS.verifyBill(url.substring("https://su.example.org/fatura/".length())))
                .contains(new PortalTokens.BillRef(a.id, marchBill));
        assertThat(url.length()).isLessThan(80); // a small QR code

        // the February bill: its previous index is the meter's initial index (first reading), no earlier debt
        long febBill = id("SELECT id FROM bill WHERE institution_id = " + a.id + " AND period = '2026-02'");
        BillDocument feb = directory(TenantScope.all()).document(febBill);
        assertThat(feb.previousIndex()).isEqualTo(100);
        assertThat(feb.previousIndexDate()).isNull();
        assertThat(feb.previousDebt()).isEqualTo(Money.ZERO);
        assertThat(feb.amountToPay()).isEqualTo(Money.of("126.00"));
    }

    /**
     * Law 6183 at 3.7 %, bills due ten days after the reading. Ayşe left February's 126.00 (due 2026-02-11) unpaid;
     * the March run made her next bill on 2026-04-01: one month and 21 days late, 126.00 × 3.7 % = 4.662 plus
     * 126.00 × 3.7 % × 21/30 = 3.2634, 7.9254 → 7.93 (domain.md's rule; its own example, 150.00 → 8.70, is the
     * calculator's test). Mehmet overpaid February by 74.00; the run spent that credit on his March bill (due
     * 2026-04-11, so no surcharge on it).
     */
    @Test
    void theBillShowsTheSurchargeOfEarlierDebtAndTheCreditItConsumedAsTheyStoodWhenItWasMade() throws Exception {
        Village v = Village.create("Gecikmeli Köy", "LAW_6183", 10);
        long ayse = v.subscriber("Ayşe Kaya", null);
        long mehmet = v.subscriber("Mehmet Öz", null);
        for (long s : List.of(ayse, mehmet)) {
            long meter = v.meter(s, "M-" + s, 100);
            v.reading(s, meter, FEB, LocalDate.of(2026, 2, 1), 120, 20);  // 126.00, due 2026-02-11
            v.reading(s, meter, MAR, LocalDate.of(2026, 3, 31), 139, 19); // 117.00, made 04-01, due 04-11
        }
        service(Instant.parse("2026-02-01T08:00:00Z")).start(v.id, FEB); // issued 02-01, due 02-11
        Clock feb10 = Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), ZoneOffset.UTC);
        PaymentServiceIT.inService(TenantScope.of(v.id), feb10, p -> p.record(new PaymentCommand(v.id, mehmet,
                Money.of("200.00"), PaymentChannel.CASH, LocalDate.of(2026, 2, 10), null, null, "feb-" + mehmet)));
        service(Instant.parse("2026-04-01T08:00:00Z")).start(v.id, MAR);

        long ayseMarch = id("SELECT id FROM bill WHERE subscriber_id = " + ayse + " AND period = '2026-03'");
        long mehmetMarch = id("SELECT id FROM bill WHERE subscriber_id = " + mehmet + " AND period = '2026-03'");
        BillDirectory bills = directory(TenantScope.of(v.id));
        BillDocument late = bills.document(ayseMarch);
        assertThat(late.periodTotal()).isEqualTo(Money.of("117.00"));
        assertThat(late.previousDebt()).isEqualTo(Money.of("126.00"));
        assertThat(late.lateSurcharge()).isEqualTo(Money.of("7.93"));
        assertThat(late.creditApplied()).isEqualTo(Money.ZERO);
        assertThat(late.amountToPay()).isEqualTo(Money.of("250.93"));

        BillDocument credited = bills.document(mehmetMarch);
        assertThat(credited.previousDebt()).isEqualTo(Money.ZERO);
        assertThat(credited.lateSurcharge()).isEqualTo(Money.ZERO);
        assertThat(credited.creditApplied()).isEqualTo(Money.of("74.00"));
        assertThat(credited.amountToPay()).isEqualTo(Money.of("43.00"));

        try (PDDocument pdf = Loader.loadPDF(BillPdfRenderer.turkish().render(credited))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Alacaktan Mahsup").contains("-₺74,00").contains("₺43,00");
        }
        try (PDDocument pdf = Loader.loadPDF(BillPdfRenderer.turkish().render(late))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Gecikme Zammı").contains("₺7,93")
                    .contains("₺250,93").doesNotContain("Alacaktan Mahsup");
        }

        // Ayşe pays everything on 2026-04-10, before March's due date (February's surcharge has grown to 126.00 × 3.7 % ×
        // 60/30 = 9.324 → 9.32 by then): a reprint of her March bill still shows what it showed when it was made
        Clock apr10 = Clock.fixed(Instant.parse("2026-04-10T09:00:00Z"), ZoneOffset.UTC);
        PaymentServiceIT.inService(TenantScope.of(v.id), apr10, p -> p.record(new PaymentCommand(v.id, ayse,
                Money.of("252.32"), PaymentChannel.CASH, LocalDate.of(2026, 4, 10), null, null, "apr-" + ayse)));
        Money owed = PaymentServiceIT.inService(TenantScope.of(v.id), apr10, p -> p.account(v.id, "9" + ayse).debt());
        assertThat(owed).isEqualTo(Money.ZERO); // 126.00 + 9.32 + 117.00
        BillDocument reprint = bills.document(ayseMarch);
        assertThat(List.of(reprint.previousDebt(), reprint.lateSurcharge(), reprint.amountToPay()))
                .containsExactly(Money.of("126.00"), Money.of("7.93"), Money.of("250.93"));
    }

    @Test
    void theDocumentPrintsAsAPdfWithItsNumber() throws Exception {
        long marchBill = id("SELECT id FROM bill WHERE institution_id = " + a.id + " AND period = '2026-03'");
        byte[] pdf = BillPdfRenderer.turkish().render(directory(TenantScope.of(a.id)).document(marchBill));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains(a.code + "-2026-000002").contains("Çamlıca Köyü");
        }
    }

    @Test
    void anotherInstitutionsBillsDoNotExist() {
        long marchBill = id("SELECT id FROM bill WHERE institution_id = " + a.id + " AND period = '2026-03'");
        BillDirectory ofB = directory(TenantScope.of(b.id));
        assertThatThrownBy(() -> ofB.document(marchBill)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ofB.documentsOfRun(marchRunA)).isInstanceOf(NotFoundException.class);
        assertThat(ofB.list(new BillFilter(a.id, null, null, null, null), PageRequest.first(50)).total()).isZero();
        Page<BillSummary> own = ofB.list(BillFilter.none(), PageRequest.first(50));
        assertThat(own.items()).isNotEmpty().allSatisfy(s -> assertThat(s.institutionId()).isEqualTo(b.id));
        assertThat(directory(TenantScope.none()).list(BillFilter.none(), PageRequest.first(50)).total()).isZero();
        assertThatThrownBy(() -> directory(TenantScope.none()).document(marchBill))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theListFiltersSortsAndPages() {
        BillDirectory ofA = directory(TenantScope.of(a.id));
        Page<BillSummary> all = ofA.list(BillFilter.none(), new PageRequest(0, 50, "total", false));
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.items()).extracting(BillSummary::total).containsExactly(Money.of("126.00"), Money.of("117.00"));
        assertThat(all.items().get(0).maskedName()).doesNotContain("Yılmaz");
        assertThat(all.items().get(0).status()).isEqualTo(BillStatus.ISSUED);

        assertThat(ofA.list(new BillFilter(null, MAR, null, null, null), PageRequest.first(50)).items())
                .extracting(BillSummary::billNo).containsExactly(a.code + "-2026-000002");
        assertThat(ofA.list(new BillFilter(null, null, BillStatus.REVERSED, null, null), PageRequest.first(50))
                .total()).isZero();
        assertThat(ofA.list(new BillFilter(null, null, null, "9" + subscriberA, null), PageRequest.first(50))
                .total()).isEqualTo(2);
        assertThat(ofA.list(new BillFilter(null, null, null, "8", null), PageRequest.first(50)).total()).isZero();
        assertThat(ofA.list(new BillFilter(null, null, null, null, marchRunA), PageRequest.first(50)).total())
                .isEqualTo(1);
        Page<BillSummary> second = ofA.list(BillFilter.none(), new PageRequest(1, 1, "billNo", true));
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.items()).extracting(BillSummary::billNo).containsExactly(a.code + "-2026-000002");
    }

    @Test
    void aRunsDocumentsComeInNumberOrderAcrossSlices() {
        Village big = Village.create("Büyük Köy");
        for (int i = 0; i < 205; i++) {
            long s = big.subscriber("Abone " + i, null);
            big.reading(s, big.meter(s, "M-" + s, 0), MAR, LocalDate.of(2026, 3, 5), 5 + i % 20, 5 + i % 20);
        }
        BillingRunProgress run = service(Instant.parse("2026-03-20T08:00:00Z")).start(big.id, MAR);
        assertThat(run.billsCreated()).isEqualTo(205);

        List<String> numbers = new ArrayList<>();
        for (BillDocument d : directory(TenantScope.of(big.id)).documentsOfRun(run.runId())) {
            numbers.add(d.billNo());
            assertThat(d.periodTotal()).isEqualTo(Money.of(total(d.consumptionM3())));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 205; i++) {
            expected.add(String.format("%s-2026-%06d", big.code, i));
        }
        assertThat(numbers).containsExactlyElementsOf(expected);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pages = BillPdfRenderer.turkish().renderBatch(directory(TenantScope.all()).documentsOfRun(run.runId()), out);
        assertThat(pages).isEqualTo(205);
    }

    /** The village tariff: 0–8 m³ at 4, 8–16 at 6, above at 9, fixed fee 10. */
    private static String total(long m3) {
        BigDecimal water = BigDecimal.valueOf(Math.min(m3, 8) * 4L + Math.max(0, Math.min(m3, 16) - 8) * 6L
                + Math.max(0, m3 - 16) * 9L);
        return water.add(BigDecimal.TEN).setScale(2).toPlainString();
    }

    // --- fixture ---------------------------------------------------------------------------------------------

    private static final class Village {
        final long id;
        final String code;

        private Village(long id, String code) {
            this.id = id;
            this.code = code;
        }

        static Village create(String name) {
            return create(name, "NONE", 15);
        }

        static Village create(String name, String surchargePolicy, int dueDays) {
            String code = "D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            long id = insert("INSERT INTO institution (code, name, kind, province, district, reading_day, due_days,"
                    + " surcharge_policy, kdv_exempt, created_at) VALUES (?, ?, 'VILLAGE', 'Bolu', 'Mudurnu', 5, ?, ?,"
                    + " TRUE, NOW())", code, name + " " + code, dueDays, surchargePolicy);
            long tariff = insert("INSERT INTO tariff (institution_id, category, name) VALUES (?, 'RESIDENTIAL',"
                    + " 'Mesken')", id);
            long version = insert("INSERT INTO tariff_version (tariff_id, valid_from, tier_mode, fixed_fee,"
                    + " created_at) VALUES (?, '2026-01-01', 'PROGRESSIVE', 10.00, NOW())", tariff);
            insert("INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price)"
                    + " VALUES (?, 1, 0, 8, 4)", version);
            insert("INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price)"
                    + " VALUES (?, 2, 8, 16, 6)", version);
            insert("INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price)"
                    + " VALUES (?, 3, 16, NULL, 9)", version);
            return new Village(id, code);
        }

        long subscriber(String name, String address) {
            long s = insert("INSERT INTO subscriber (institution_id, subscriber_no, full_name, category, address,"
                    + " payment_code, created_at) VALUES (?, ?, ?, 'RESIDENTIAL', ?, 'ABCD2345', NOW())",
                    id, "T" + UUID.randomUUID().toString().substring(0, 12), name, address);
            TestDatabase.sql("UPDATE subscriber SET subscriber_no = '9" + s + "', payment_code = '" + paymentCode(s)
                    + "' WHERE id = " + s);
            return s;
        }

        long meter(long subscriber, String serial, long initialIndex) {
            return insert("INSERT INTO meter (institution_id, subscriber_id, serial_no, dial_digits, initial_index,"
                    + " installed_on) VALUES (?, ?, ?, 5, ?, '2025-01-01')", id, subscriber, serial, initialIndex);
        }

        void reading(long subscriber, long meter, BillingPeriod period, LocalDate on, long index, long m3) {
            insert("INSERT INTO reading (institution_id, subscriber_id, meter_id, period, reading_date, meter_index,"
                    + " consumption_m3, kind, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTUAL', 'HANDHELD',"
                    + " NOW())", id, subscriber, meter, period.toString(), on, index, m3);
        }

        String paymentCode(long subscriberId) {
            String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
            StringBuilder sb = new StringBuilder();
            long n = subscriberId;
            for (int i = 0; i < 8; i++) {
                sb.append(alphabet.charAt((int) (n % alphabet.length())));
                n /= alphabet.length();
            }
            return sb.toString();
        }
    }

    private static long id(String sql) {
        try (Connection c = TestDatabase.settings().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long insert(String sql, Object... parameters) {
        try (Connection c = TestDatabase.settings().connect();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
