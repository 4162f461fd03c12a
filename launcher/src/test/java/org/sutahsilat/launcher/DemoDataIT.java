package org.sutahsilat.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sutahsilat.db.DatabaseSettings;
import org.sutahsilat.db.EmbeddedDatabase;
import org.sutahsilat.db.Migrations;
import org.sutahsilat.domain.security.PersonalDataCipher;
import org.sutahsilat.domain.subscriber.Tckn;
import org.sutahsilat.domain.user.PasswordHashing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo data on a real MariaDB with the real migrations. */
class DemoDataIT {

    private static final Path FOLDER = Path.of("target", "demo-data-it");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T08:30:00Z"), ZoneOffset.UTC);

    private static EmbeddedDatabase database;
    private static DatabaseSettings settings;
    private static PersonalDataCipher cipher;
    private static DemoData.Result result;
    private static long loadMillis;

    @BeforeAll
    static void loadDemoData() throws Exception {
        deleteTree(FOLDER);
        database = EmbeddedDatabase.start(FOLDER, 0);
        settings = database.createDatabase("sutahsilat");
        Migrations.migrate(settings);
        cipher = PersonalDataCipher.fromBase64(PersonalDataCipher.newKeyBase64());
        try (Connection c = settings.connect()) {
            long t = System.nanoTime();
            result = new DemoData(cipher, CLOCK).loadIfEmpty(c).orElseThrow();
            loadMillis = (System.nanoTime() - t) / 1_000_000;
        }
        System.out.println("DemoDataIT: demo data loaded in " + loadMillis + " ms: " + result.subscribers()
                + " subscribers, " + result.bills() + " bills, " + result.payments() + " payments");
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void institutionsSubscribersAndMeters() throws SQLException {
        assertThat(longValue("SELECT COUNT(*) FROM institution")).isEqualTo(2);
        assertThat(longValue("SELECT COUNT(*) FROM institution WHERE kind = 'VILLAGE' AND kdv_exempt"
                + " AND surcharge_policy = 'NONE'")).isEqualTo(1);
        assertThat(longValue("SELECT COUNT(*) FROM institution WHERE kind = 'MUNICIPALITY' AND NOT kdv_exempt"
                + " AND surcharge_policy = 'LAW_6183'")).isEqualTo(1);
        long subscribers = longValue("SELECT COUNT(*) FROM subscriber");
        assertThat(subscribers).isBetween(280L, 320L).isEqualTo(result.subscribers());
        assertThat(longValue("SELECT COUNT(*) FROM subscriber s WHERE NOT EXISTS"
                + " (SELECT 1 FROM meter m WHERE m.subscriber_id = s.id)")).isZero();
        assertThat(longValue("SELECT COUNT(DISTINCT category) FROM subscriber")).isEqualTo(5);
        assertThat(longValue("SELECT COUNT(*) FROM subscriber WHERE full_name REGEXP '[ğşıİçöüŞÇÖÜ]'")).isPositive();
        assertThat(longValue("SELECT COUNT(*) FROM meter WHERE dial_digits NOT IN (5, 6)")).isZero();
    }

    @Test
    void sixPeriodsOfReadingsAndBillsEndingLastMonth() throws SQLException {
        assertThat(strings("SELECT DISTINCT period FROM bill ORDER BY period"))
                .containsExactly("2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02");
        long subscribers = longValue("SELECT COUNT(*) FROM subscriber");
        assertThat(longValue("SELECT COUNT(*) FROM reading")).isEqualTo(6 * subscribers);
        assertThat(longValue("SELECT COUNT(*) FROM bill")).isEqualTo(6 * subscribers);
        assertThat(longValue("SELECT COUNT(*) FROM billing_run WHERE status = 'COMPLETED'")).isEqualTo(12);
        assertThat(longValue("SELECT COUNT(*) FROM reading WHERE consumption_m3 = 0")).isPositive();
        assertThat(longValue("SELECT MAX(consumption_m3) FROM reading")).isLessThanOrEqualTo(30);
        assertThat(longValue("SELECT COUNT(*) FROM bill b JOIN institution i ON i.id = b.institution_id"
                + " WHERE b.due_date <> DATE_ADD(b.issue_date, INTERVAL i.due_days DAY)")).isZero();
        assertThat(longValue("SELECT COUNT(*) FROM bill b JOIN institution i ON i.id = b.institution_id"
                + " WHERE b.bill_no NOT LIKE CONCAT(i.code, '-____-______')")).isZero();
    }

    @Test
    void everyBillTotalIsTheSumOfItsLines() throws SQLException {
        assertThat(longValue("SELECT COUNT(*) FROM bill b WHERE b.total <> (SELECT COALESCE(SUM(l.amount), 0)"
                + " FROM bill_line l WHERE l.bill_id = b.id)")).isZero();
        assertThat(longValue("SELECT COUNT(*) FROM bill_line WHERE amount <> ROUND(amount, 2)")).isZero();
    }

    @Test
    void onlyTheMunicipalityChargesKdvAndCtv() throws SQLException {
        String byKind = "SELECT COUNT(*) FROM bill_line l JOIN bill b ON b.id = l.bill_id"
                + " JOIN institution i ON i.id = b.institution_id WHERE i.kind = '%s' AND l.kind = '%s'";
        assertThat(longValue(byKind.formatted("VILLAGE", "KDV"))).isZero();
        assertThat(longValue(byKind.formatted("VILLAGE", "CTV"))).isZero();
        assertThat(longValue(byKind.formatted("MUNICIPALITY", "KDV"))).isPositive();
        assertThat(longValue(byKind.formatted("MUNICIPALITY", "CTV"))).isPositive();
        assertThat(longValue(byKind.formatted("MUNICIPALITY", "WASTEWATER"))).isPositive();
    }

    @Test
    void theWorkedExamplesHoldInTheStoredBills() throws SQLException {
        // a village residential bill of 19 m³ and a municipal residential bill of 13 m³, if the seed made one
        String total = "SELECT MIN(b.total) FROM bill b JOIN subscriber s ON s.id = b.subscriber_id"
                + " JOIN institution i ON i.id = b.institution_id WHERE i.kind = '%s' AND s.category = 'RESIDENTIAL'"
                + " AND b.consumption_m3 = %d";
        Optional.ofNullable(stringValue(total.formatted("VILLAGE", 19))).ifPresent(t -> assertThat(t).isEqualTo("117.00"));
        Optional.ofNullable(stringValue(total.formatted("MUNICIPALITY", 13))).ifPresent(t -> assertThat(t).isEqualTo("460.20"));
    }

    @Test
    void theLedgerIsConsistentAndTheNewestMonthsAreMostlyUnpaid() throws SQLException {
        assertThat(longValue("SELECT COUNT(*) FROM bill b WHERE b.total < (SELECT COALESCE(SUM(a.amount), 0)"
                + " FROM payment_allocation a WHERE a.bill_id = b.id)")).isZero();
        assertThat(longValue("SELECT COUNT(*) FROM payment p WHERE p.amount <> (SELECT SUM(a.amount)"
                + " FROM payment_allocation a WHERE a.payment_id = p.id)")).isZero();
        assertThat(longValue("SELECT COUNT(*) FROM payment p JOIN payment_allocation a ON a.payment_id = p.id"
                + " JOIN bill b ON b.id = a.bill_id WHERE b.subscriber_id <> p.subscriber_id"
                + " OR b.institution_id <> p.institution_id")).isZero();
        assertThat(longValue("SELECT COUNT(*) FROM payment WHERE paid_at > '2026-03-15 08:30:00'")).isZero();
        assertThat(longValue("SELECT COUNT(DISTINCT channel) FROM payment")).isEqualTo(3);
        double oldPaid = paidShare("2025-09");
        double newestPaid = paidShare("2026-02");
        assertThat(oldPaid).isGreaterThan(0.7);
        assertThat(newestPaid).isLessThan(0.3);
    }

    @Test
    void usersHaveHashedGeneratedPasswords() throws SQLException {
        assertThat(result.users()).extracting(DemoData.CreatedUser::username)
                .containsExactly("admin", "operator.camlica", "operator.yesiloz");
        assertThat(strings("SELECT role FROM user_role r JOIN app_user u ON u.id = r.user_id WHERE u.username = 'admin'"))
                .containsExactly("COMPANY_ADMIN");
        assertThat(longValue("SELECT COUNT(*) FROM user_institution")).isEqualTo(2);
        DemoData.CreatedUser admin = result.users().get(0);
        String hash = stringValue("SELECT password_hash FROM app_user WHERE username = 'admin'");
        assertThat(hash).startsWith("$shiro2$argon2id$").doesNotContain(admin.password());
        assertThat(PasswordHashing.matches(admin.password(), hash)).isTrue();
        assertThat(longValue("SELECT COUNT(*) FROM audit_log WHERE action = 'DEMO_DATA_LOADED'")).isEqualTo(1);
    }

    @Test
    void identityNumbersAreEncryptedAndHashed() throws SQLException {
        try (Connection c = settings.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tckn_encrypted, tckn_hash FROM subscriber")) {
            int rows = 0;
            while (rs.next()) {
                byte[] encrypted = rs.getBytes(1);
                String asText = new String(encrypted, StandardCharsets.ISO_8859_1);
                assertThat(asText).doesNotContainPattern("[1-9][0-9]{10}");
                String tckn = cipher.decrypt(encrypted);
                assertThat(Tckn.isValid(tckn)).isTrue();
                assertThat(Arrays.equals(rs.getBytes(2), cipher.hash(tckn))).isTrue();
                rows++;
            }
            assertThat(rows).isEqualTo(result.subscribers());
        }
    }

    @Test
    void aSecondLoadChangesNothing() throws SQLException {
        long bills = longValue("SELECT COUNT(*) FROM bill");
        try (Connection c = settings.connect()) {
            assertThat(new DemoData(cipher, CLOCK).loadIfEmpty(c)).isEmpty();
            assertThat(new DemoData(cipher, CLOCK).createAdminIfNoUsers(c)).isEmpty();
            assertThat(DemoData.exampleSubscriber(c)).isPresent();
        }
        assertThat(longValue("SELECT COUNT(*) FROM institution")).isEqualTo(2);
        assertThat(longValue("SELECT COUNT(*) FROM bill")).isEqualTo(bills);
        assertThat(longValue("SELECT COUNT(*) FROM app_user")).isEqualTo(3);
    }

    @Test
    void loadingIsFast() {
        assertThat(loadMillis).isLessThan(15_000);
    }

    private static double paidShare(String period) throws SQLException {
        long bills = longValue("SELECT COUNT(*) FROM bill WHERE total > 0 AND period = '" + period + "'");
        long paid = longValue("SELECT COUNT(DISTINCT a.bill_id) FROM payment_allocation a JOIN bill b ON b.id = a.bill_id"
                + " WHERE b.period = '" + period + "'");
        return (double) paid / bills;
    }

    private static long longValue(String sql) throws SQLException {
        try (Connection c = settings.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String stringValue(String sql) throws SQLException {
        try (Connection c = settings.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = settings.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
