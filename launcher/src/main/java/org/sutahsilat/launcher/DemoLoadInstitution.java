package org.sutahsilat.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code --demo-subscribers N}: a village with many subscribers read for the current month and not billed yet, so
 * that a billing run started from the admin application takes long enough to be watched, killed and resumed (the
 * kill -9 demonstration, {@code bench/kill-demo.sh}). Added once: a later start finds it and adds nothing. Its tariff
 * is the demo village tariff: RESIDENTIAL, progressive 0–8 m³ at 4.00, 8–16 at 6.00, above 16 at 9.00, fixed fee
 * 10.00, no KDV; subscriber i uses 5 + (id mod 20) m³.
 */
final class DemoLoadInstitution {

    static final String CODE = "YUK-DENEME";
    static final String NAME = "Yük Deneme Köyü";
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int BATCH = 2000;

    record Result(long institutionId, int subscribers, YearMonth period, boolean created) {
    }

    private final Clock clock;

    DemoLoadInstitution(Clock clock) {
        this.clock = clock;
    }

    /** Creates the village with {@code count} subscribers, unless it exists; one transaction. */
    Result ensure(Connection c, int count) throws SQLException {
        YearMonth period = YearMonth.now(clock);
        Optional<Long> existing = institutionId(c);
        if (existing.isPresent()) {
            return new Result(existing.get(), subscribers(c, existing.get()), period(c, existing.get()).orElse(period),
                    false);
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
            long id = insert(c, "INSERT INTO institution (code, name, kind, province, district, reading_day, due_days,"
                    + " kdv_exempt, created_at) VALUES (?, ?, 'VILLAGE', 'Kastamonu', 'Taşköprü', 5, 15, TRUE, ?)",
                    CODE, NAME, now);
            long tariff = insert(c, "INSERT INTO tariff (institution_id, category, name) VALUES (?, 'RESIDENTIAL',"
                    + " 'Mesken')", id);
            long version = insert(c, "INSERT INTO tariff_version (tariff_id, valid_from, tier_mode, fixed_fee,"
                    + " created_at) VALUES (?, '2020-01-01', 'PROGRESSIVE', 10.00, ?)", tariff, now);
            insert(c, "INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price)"
                    + " VALUES (?, 1, 0, 8, 4)", version);
            insert(c, "INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price)"
                    + " VALUES (?, 2, 8, 16, 6)", version);
            insert(c, "INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price)"
                    + " VALUES (?, 3, 16, NULL, 9)", version);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriber (institution_id, subscriber_no,"
                    + " full_name, category, payment_code, route_code, created_at)"
                    + " VALUES (?, ?, ?, 'RESIDENTIAL', ?, 'Y1', ?)")) {
                for (int i = 1; i <= count; i++) {
                    ps.setLong(1, id);
                    ps.setString(2, String.format("9%09d", i));
                    ps.setString(3, "Deneme Abone " + i);
                    ps.setString(4, paymentCode(i));
                    ps.setObject(5, now);
                    ps.addBatch();
                    if (i % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meter (institution_id, subscriber_id,"
                    + " serial_no, dial_digits, initial_index, installed_on) SELECT s.institution_id, s.id,"
                    + " CONCAT('Y-', s.subscriber_no), 5, 100, '2020-01-01' FROM subscriber s WHERE s.institution_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reading (institution_id, subscriber_id,"
                    + " meter_id, period, reading_date, meter_index, consumption_m3, kind, source, recorded_at)"
                    + " SELECT m.institution_id, m.subscriber_id, m.id, ?, ?, 100 + 5 + MOD(m.subscriber_id, 20),"
                    + " 5 + MOD(m.subscriber_id, 20), 'ACTUAL', 'IMPORT', ? FROM meter m WHERE m.institution_id = ?")) {
                ps.setString(1, period.toString());
                ps.setObject(2, period.atDay(5));
                ps.setObject(3, now);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            c.commit();
            return new Result(id, count, period, true);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static Optional<Long> institutionId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM institution WHERE code = ?")) {
            ps.setString(1, CODE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static int subscribers(Connection c, long institutionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM subscriber WHERE institution_id = ?")) {
            ps.setLong(1, institutionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Optional<YearMonth> period(Connection c, long institutionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(period) FROM reading WHERE institution_id = ?")) {
            ps.setLong(1, institutionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? Optional.of(YearMonth.parse(rs.getString(1)))
                        : Optional.empty();
            }
        }
    }

    /** A valid, distinct payment code for subscriber i (eight letters of the code alphabet). */
    static String paymentCode(long i) {
        StringBuilder sb = new StringBuilder();
        long n = i * 7919 + 104_729; // spread, so that neighbours do not share prefixes
        for (int k = 0; k < 8; k++) {
            sb.append(CODE_ALPHABET.charAt((int) (n % CODE_ALPHABET.length())));
            n /= CODE_ALPHABET.length();
        }
        return sb.toString();
    }

    private static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }
}
