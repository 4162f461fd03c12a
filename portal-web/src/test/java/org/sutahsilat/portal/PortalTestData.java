package org.sutahsilat.portal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Seeds the container-test database over JDBC (system properties su.test.db.*): two active institutions and an
 * inactive one, subscribers with known payment codes, bills with lines, and a payment whose allocations pay one
 * bill fully and another partly. Dates are relative to today so that exactly one open bill is overdue.
 */
final class PortalTestData {

    static final String INSTITUTION_A = "Yeşilköy Köyü";
    static final String INSTITUTION_B = "Karaağaç Belediyesi";
    static final String INSTITUTION_INACTIVE = "Kapalıdere Köyü";

    /** Ayşe Yılmaz in A: two open bills (one overdue, partly paid), one paid bill. Total debt 1 234,56. */
    static final String A_DEBTOR_NO = "1001";
    static final String A_DEBTOR_CODE = "AB23CD45";
    /** Mehmet Öztürk in A: no bills. */
    static final String A_CLEAR_NO = "1002";
    static final String A_CLEAR_CODE = "ZX34YW56";
    /** Fatma Kaya in B: one bill of 150,00. */
    static final String B_DEBTOR_NO = "2001";
    static final String B_DEBTOR_CODE = "KM78PQ92";
    /** Hasan Demir in B has the same number as Ayşe in A, with his own code. */
    static final String B_SAME_NO_CODE = "HD45JK67";

    private PortalTestData() {
    }

    static void seed() throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getProperty("su.test.db.url"),
                System.getProperty("su.test.db.user"), System.getProperty("su.test.db.password"))) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM institution WHERE code = 'TST-A'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            LocalDate today = LocalDate.now();
            YearMonth month = YearMonth.from(today);
            long a = institution(c, "TST-A", INSTITUTION_A, "VILLAGE", "Bolu", "Merkez", true);
            long b = institution(c, "TST-B", INSTITUTION_B, "MUNICIPALITY", "Edirne", "Merkez", true);
            institution(c, "TST-C", INSTITUTION_INACTIVE, "VILLAGE", "Rize", "Çayeli", false);

            long ayse = subscriber(c, a, A_DEBTOR_NO, "Ayşe Yılmaz", A_DEBTOR_CODE);
            subscriber(c, a, A_CLEAR_NO, "Mehmet Öztürk", A_CLEAR_CODE);
            long fatma = subscriber(c, b, B_DEBTOR_NO, "Fatma Kaya", B_DEBTOR_CODE);
            long hasan = subscriber(c, b, A_DEBTOR_NO, "Hasan Demir", B_SAME_NO_CODE);

            long paid = bill(c, a, ayse, "A-2026-0001", month.minusMonths(3), today.minusDays(60), 4, "100.00");
            long partly = bill(c, a, ayse, "A-2026-0002", month.minusMonths(2), today.minusDays(30), 19, "500.00");
            bill(c, a, ayse, "A-2026-0003", month.minusMonths(1), today.plusDays(20), 31, "1000.00");
            bill(c, b, fatma, "B-2026-0001", month.minusMonths(1), today.plusDays(10), 7, "150.00");

            long payment = insert(c, "INSERT INTO payment (institution_id, subscriber_id, amount, channel, paid_at,"
                            + " receipt_no, created_at) VALUES (?, ?, ?, 'CASH', ?, 'R-TST-1', ?)",
                    a, ayse, new BigDecimal("365.44"), now(), now());
            allocate(c, payment, paid, "100.00");
            allocate(c, payment, partly, "265.44");
            // a payment of another institution's subscriber (with Ayşe's number): never reachable from her page
            insert(c, "INSERT INTO payment (institution_id, subscriber_id, amount, channel, paid_at, receipt_no,"
                    + " created_at) VALUES (?, ?, ?, 'CASH', ?, 'R-TST-B1', ?)", b, hasan, new BigDecimal("42.00"),
                    now(), now());
            c.commit();
        }
    }

    private static long institution(Connection c, String code, String name, String kind, String province,
                                    String district, boolean active) throws SQLException {
        return insert(c, "INSERT INTO institution (code, name, kind, province, district, active, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", code, name, kind, province, district, active, now());
    }

    private static long subscriber(Connection c, long institution, String no, String name, String code)
            throws SQLException {
        return insert(c, "INSERT INTO subscriber (institution_id, subscriber_no, full_name, category, payment_code,"
                + " created_at) VALUES (?, ?, ?, 'RESIDENTIAL', ?, ?)", institution, no, name, code, now());
    }

    private static long bill(Connection c, long institution, long subscriber, String no, YearMonth period,
                             LocalDate due, long m3, String total) throws SQLException {
        long id = insert(c, "INSERT INTO bill (institution_id, subscriber_id, bill_no, period, issue_date, due_date,"
                        + " consumption_m3, total, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED', ?)",
                institution, subscriber, no, period.toString(), due.minusDays(15), due, m3, new BigDecimal(total), now());
        BigDecimal fixedFee = new BigDecimal("10.00");
        insert(c, "INSERT INTO bill_line (bill_id, seq, kind, description, quantity, amount) VALUES (?, 1, 'WATER',"
                + " 'Su bedeli', ?, ?)", id, BigDecimal.valueOf(m3), new BigDecimal(total).subtract(fixedFee));
        insert(c, "INSERT INTO bill_line (bill_id, seq, kind, description, amount) VALUES (?, 2, 'FIXED_FEE',"
                + " 'Sabit ücret', ?)", id, fixedFee);
        return id;
    }

    private static void allocate(Connection c, long payment, long bill, String amount) throws SQLException {
        insert(c, "INSERT INTO payment_allocation (payment_id, bill_id, kind, amount) VALUES (?, ?, 'PRINCIPAL', ?)",
                payment, bill, new BigDecimal(amount));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                ps.setObject(i + 1, v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }
}
