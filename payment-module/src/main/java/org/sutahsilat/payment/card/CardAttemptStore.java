package org.sutahsilat.payment.card;

import jakarta.persistence.EntityManager;
import org.sutahsilat.infrastructure.jdbc.TransactionConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Payment attempts in JDBC on the connection of the EntityManager's transaction (so an attempt's state change and
 * the payment {@code PaymentService} records commit or roll back together). Every state change is conditional on
 * the state it leaves: the number of rows changed says whether this caller won. Times are UTC.
 */
final class CardAttemptStore {

    private static final String COLUMNS = "id, institution_id, subscriber_id, reference, amount_kurus, currency,"
            + " status, token, page_url, token_expires_at, gateway_payment_id, payment_id, needs_review, created_at";

    private CardAttemptStore() {
    }

    static long insert(EntityManager em, long institutionId, long subscriberId, String reference, long amountKurus,
                       String clientIp, Instant now) {
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement(
                "INSERT INTO payment_attempt (institution_id,"
                + " subscriber_id, reference, amount_kurus, currency, status, active_subscriber_id, client_ip,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, 'TRY', 'OPEN', ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, institutionId);
            ps.setLong(2, subscriberId);
            ps.setString(3, reference);
            ps.setLong(4, amountKurus);
            ps.setLong(5, subscriberId);
            ps.setString(6, clientIp);
            ps.setObject(7, utc(now));
            ps.setObject(8, utc(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the payment attempt", e);
        }
    }

    static void insertBills(EntityManager em, long attemptId, Basket basket) {
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement(
                "INSERT INTO payment_attempt_bill (attempt_id, seq, bill_id, amount_kurus) VALUES (?, ?, ?, ?)")) {
            int seq = 0;
            for (Basket.Line line : basket.lines()) {
                ps.setLong(1, attemptId);
                ps.setInt(2, ++seq);
                ps.setLong(3, line.billId());
                ps.setLong(4, line.amountKurus());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the attempt's bills", e);
        }
    }

    static List<Long> billIds(EntityManager em, long attemptId) {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement(
                "SELECT bill_id FROM payment_attempt_bill WHERE attempt_id = ? ORDER BY seq")) {
            ps.setLong(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** The subscriber's active attempt, read with a lock (a locking read sees what others committed meanwhile). */
    /**
     * The subscriber's OPEN or UNKNOWN attempt. A plain read, taken under the subscriber's row lock: a locking read
     * of a missing key would leave a gap lock, and two subscribers' starts inserting into that gap deadlock.
     */
    static Optional<CardAttempt> active(EntityManager em, long subscriberId) {
        return one(em, "SELECT " + COLUMNS + " FROM payment_attempt WHERE active_subscriber_id = ?", subscriberId);
    }

    static Optional<CardAttempt> byToken(EntityManager em, String token) {
        return one(em, "SELECT " + COLUMNS + " FROM payment_attempt WHERE token = ?", token);
    }

    /**
     * {@link #byToken} for {@link org.sutahsilat.domain.billing.ChunkTransactions#read}: an EntityManager query (no
     * JDBC connection is bound outside a transaction), one auto-commit statement.
     */
    static Optional<CardAttempt> byTokenWithoutTransaction(EntityManager em, String token) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM payment_attempt WHERE token = ?")
                .setParameter(1, token)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(attempt((Object[]) rows.get(0)));
    }

    /** A row of {@link #COLUMNS}, read by JDBC or by an EntityManager query. */
    private static CardAttempt attempt(Object[] r) {
        return new CardAttempt(number(r[0]), number(r[1]), number(r[2]), (String) r[3], number(r[4]), (String) r[5],
                AttemptStatus.valueOf((String) r[6]), (String) r[7], (String) r[8], instant(r[9]), (String) r[10],
                r[11] == null ? null : number(r[11]), flag(r[12]), instant(r[13]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    /** A DATETIME column (stored in UTC) as the driver gave it. */
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected DATETIME value " + value.getClass());
    }

    static Optional<CardAttempt> byReference(EntityManager em, String reference) {
        return one(em, "SELECT " + COLUMNS + " FROM payment_attempt WHERE reference = ?", reference);
    }

    static Optional<CardAttempt> byId(EntityManager em, long id) {
        return one(em, "SELECT " + COLUMNS + " FROM payment_attempt WHERE id = ?", id);
    }

    /** Reads and locks the attempt's row until the transaction ends. */
    static Optional<CardAttempt> lock(EntityManager em, long id) {
        return one(em, "SELECT " + COLUMNS + " FROM payment_attempt WHERE id = ? FOR UPDATE", id);
    }

    /** Active attempts created before {@code before}, oldest first. */
    static List<CardAttempt> activeCreatedBefore(EntityManager em, Instant before, int max) {
        return many(em, "SELECT " + COLUMNS + " FROM payment_attempt WHERE status IN ('OPEN', 'UNKNOWN')"
                + " AND created_at <= ? ORDER BY id LIMIT " + max, utc(before));
    }

    /** Attempts created in [from, to). */
    static List<CardAttempt> createdBetween(EntityManager em, Instant from, Instant to) {
        return many(em, "SELECT " + COLUMNS + " FROM payment_attempt WHERE created_at >= ? AND created_at < ?"
                + " ORDER BY id", utc(from), utc(to));
    }

    static boolean opened(EntityManager em, long id, String token, String pageUrl, Instant expiresAt, Instant now) {
        return update(em, "UPDATE payment_attempt SET token = ?, page_url = ?, token_expires_at = ?, updated_at = ?"
                + " WHERE id = ? AND status IN ('OPEN', 'UNKNOWN') AND token IS NULL",
                token, pageUrl, utc(expiresAt), utc(now), id) == 1;
    }

    static boolean unknown(EntityManager em, long id, String error, Instant now) {
        return update(em, "UPDATE payment_attempt SET status = 'UNKNOWN', last_error = ?, updated_at = ?"
                + " WHERE id = ? AND status = 'OPEN'", cut(error), utc(now), id) == 1;
    }

    static boolean failed(EntityManager em, long id, String error, Instant now) {
        return update(em, "UPDATE payment_attempt SET status = 'FAILED', active_subscriber_id = NULL,"
                + " last_error = ?, updated_at = ? WHERE id = ? AND status IN ('OPEN', 'UNKNOWN')",
                cut(error), utc(now), id) == 1;
    }

    static boolean expired(EntityManager em, long id, Instant now) {
        return update(em, "UPDATE payment_attempt SET status = 'EXPIRED', active_subscriber_id = NULL,"
                + " updated_at = ? WHERE id = ? AND status IN ('OPEN', 'UNKNOWN')", utc(now), id) == 1;
    }

    static boolean succeeded(EntityManager em, long id, long paymentId, String gatewayPaymentId, Instant now) {
        return update(em, "UPDATE payment_attempt SET status = 'SUCCEEDED', active_subscriber_id = NULL,"
                + " payment_id = ?, gateway_payment_id = ?, last_error = NULL, updated_at = ?"
                + " WHERE id = ? AND status IN ('OPEN', 'UNKNOWN', 'FAILED', 'EXPIRED')",
                paymentId, gatewayPaymentId, utc(now), id) == 1;
    }

    static boolean rejected(EntityManager em, long id, String detail, Instant now) {
        return update(em, "UPDATE payment_attempt SET status = 'REJECTED', active_subscriber_id = NULL,"
                + " needs_review = TRUE, last_error = ?, updated_at = ?"
                + " WHERE id = ? AND status IN ('OPEN', 'UNKNOWN', 'FAILED', 'EXPIRED')", cut(detail), utc(now), id) == 1;
    }

    static void incident(EntityManager em, String kind, DeliveryChannel channel, Long attemptId, String token,
                         String detail, String clientIp, Instant now) {
        update(em, "INSERT INTO payment_incident (occurred_at, kind, channel, attempt_id, token, detail, client_ip)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", utc(now), kind, channel.name(), attemptId,
                token == null ? null : token.length() > 128 ? token.substring(0, 128) : token, cut(detail),
                clientIp);
    }

    /**
     * Takes the lease {@code name} for {@code holder} until {@code until} when it is free (expired) or already held
     * by {@code holder}: one UPDATE, so of two nodes at once exactly one gets it.
     */
    static boolean takeLease(EntityManager em, String name, String holder, Instant now, Instant until) {
        return update(em, "UPDATE job_lease SET holder = ?, expires_at = ? WHERE name = ?"
                + " AND (expires_at < ? OR holder = ?)", holder, utc(until), name, utc(now), holder) == 1;
    }

    /** Local CARD payments received on a business day [from, to), with their attempt if any. */
    static List<Object[]> cardPayments(EntityManager em, Instant from, Instant to) {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement(
                "SELECT p.id, p.institution_id, p.receipt_no,"
                + " p.amount, p.external_ref, a.id FROM payment p LEFT JOIN payment_attempt a ON a.payment_id = p.id"
                + " WHERE p.channel = 'CARD' AND p.reverses_payment_id IS NULL AND p.paid_at >= ? AND p.paid_at < ?"
                + " ORDER BY p.id")) {
            ps.setObject(1, utc(from));
            ps.setObject(2, utc(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[]{rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getString(5), rs.getObject(6) == null ? null : rs.getLong(6)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    // ---------------------------------------------------------------- internals

    private static Optional<CardAttempt> one(EntityManager em, String sql, Object key) {
        List<CardAttempt> found = many(em, sql, key);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<CardAttempt> many(EntityManager em, String sql, Object... args) {
        List<CardAttempt> list = new ArrayList<>();
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    list.add(attempt(row));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return list;
    }

    private static int update(EntityManager em, String sql, Object... args) {
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
