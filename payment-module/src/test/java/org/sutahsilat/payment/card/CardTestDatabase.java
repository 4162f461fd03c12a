package org.sutahsilat.payment.card;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.sutahsilat.db.DatabaseSettings;
import org.sutahsilat.db.EmbeddedDatabase;
import org.sutahsilat.db.Migrations;
import org.sutahsilat.db.PayaraDataSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One embedded MariaDB per test JVM with the real migrations, and the domain's persistence unit switched to
 * RESOURCE_LOCAL (as domain's TestDatabase does; that one is package-private in domain's tests).
 */
final class CardTestDatabase {

    private static EmbeddedDatabase database;
    private static DatabaseSettings settings;
    private static EntityManagerFactory emf;

    private CardTestDatabase() {
    }

    static synchronized DatabaseSettings settings() {
        if (settings == null) {
            database = EmbeddedDatabase.start(Path.of("target", "it-db", UUID.randomUUID().toString()), 0);
            settings = database.createDatabase("sutahsilat");
            Migrations.migrate(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        }
        return settings;
    }

    static synchronized EntityManagerFactory emf() {
        if (emf == null) {
            DatabaseSettings s = settings();
            emf = Persistence.createEntityManagerFactory("sutahsilat", Map.of(
                    "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                    "jakarta.persistence.jtaDataSource", "",
                    "jakarta.persistence.jdbc.driver", "com.mysql.cj.jdbc.Driver",
                    "jakarta.persistence.jdbc.url", PayaraDataSource.urlWithDriverDefaults(s),
                    "jakarta.persistence.jdbc.user", s.user(),
                    "jakarta.persistence.jdbc.password", s.password(),
                    "eclipselink.connection-pool.default.max", "64",
                    "eclipselink.target-server", "None"));
        }
        return emf;
    }

    static long update(String sql, Object... args) {
        try (Connection c = settings().connect();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... args) {
        try (Connection c = settings().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String string(String sql, Object... args) {
        try (Connection c = settings().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An institution (no surcharge) with one subscriber; bills added with {@link Village#bill}. */
    static final class Village {
        final long id;
        final long subscriberId;
        final String subscriberNo;
        private static final AtomicLong NEIGHBOURS = new AtomicLong();
        private int seq;

        private Village(long id, long subscriberId, String subscriberNo) {
            this.id = id;
            this.subscriberId = subscriberId;
            this.subscriberNo = subscriberNo;
        }

        static Village create() {
            String code = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            long id = update("INSERT INTO institution (code, name, kind, province, district, created_at)"
                    + " VALUES (?, ?, 'VILLAGE', 'Bolu', 'Mudurnu', NOW())", code, "Kart Köyü " + code);
            String no = String.valueOf(800_000_000L + (long) (Math.random() * 99_999_999));
            long s = update("INSERT INTO subscriber (institution_id, subscriber_no, full_name, category, payment_code,"
                    + " created_at) VALUES (?, ?, 'Ayşe Yılmaz', 'RESIDENTIAL', ?, NOW())", id, no,
                    org.sutahsilat.domain.subscriber.PaymentCode.generate(new java.security.SecureRandom()).value());
            return new Village(id, s, no);
        }

        /** Another subscriber of the same institution (its own bills). */
        Village neighbour() {
            // unique in this JVM (random numbers collided once in a few hundred thousand neighbours: a failed run)
            String no = String.valueOf(700_000_000L + NEIGHBOURS.incrementAndGet());
            long s = update("INSERT INTO subscriber (institution_id, subscriber_no, full_name, category, payment_code,"
                    + " created_at) VALUES (?, ?, 'Ali Demir', 'RESIDENTIAL', ?, NOW())", id, no,
                    org.sutahsilat.domain.subscriber.PaymentCode.generate(new java.security.SecureRandom()).value());
            return new Village(id, s, no);
        }

        long bill(LocalDate due, String total) {
            return update("INSERT INTO bill (institution_id, subscriber_id, bill_no, period, issue_date, due_date,"
                    + " consumption_m3, total, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 10, ?, 'ISSUED', NOW())",
                    id, subscriberId, "F" + subscriberId + "-" + (++seq), due.minusMonths(1).toString().substring(0, 7),
                    due.minusDays(15), due, new BigDecimal(total));
        }
    }
}
