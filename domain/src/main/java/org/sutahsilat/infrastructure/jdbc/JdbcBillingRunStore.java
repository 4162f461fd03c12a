package org.sutahsilat.infrastructure.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.sutahsilat.domain.billing.Bill;
import org.sutahsilat.domain.billing.BillLine;
import org.sutahsilat.domain.billing.BillingCandidate;
import org.sutahsilat.domain.billing.BillingRunProgress;
import org.sutahsilat.domain.billing.BillingRunStatus;
import org.sutahsilat.domain.billing.BillingRunStore;
import org.sutahsilat.domain.billing.SkipReason;
import org.sutahsilat.domain.billing.SkippedSubscriber;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.SubscriberCategory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link BillingRunStore} in batched JDBC on the connection of the EntityManager's transaction (MySQL/MariaDB; with
 * {@code rewriteBatchedStatements=true} a chunk's bills go to the server as a few multi-row INSERTs). Stateless.
 */
@ApplicationScoped
public class JdbcBillingRunStore implements BillingRunStore {

    private static final String RUN_COLUMNS = "id, institution_id, period, status, total_subscribers, processed,"
            + " bills_created, skipped, started_at, heartbeat_at, finished_at, last_error";

    /**
     * Who a run has to bill or report: everyone not CLOSED, and a CLOSED subscriber only with a final reading. A scalar
     * subquery, not EXISTS: MariaDB turns EXISTS into a semi-join that scans the whole reading index once per query
     * as soon as one CLOSED subscriber is in the range; the scalar form is one index probe per CLOSED subscriber.
     */
    private static final String IN_RUN = "(s.status <> 'CLOSED' OR (SELECT COUNT(*) FROM reading r"
            + " WHERE r.institution_id = s.institution_id AND r.period = ? AND r.subscriber_id = s.id) > 0)";

    /**
     * The next chunk of subscribers neither billed nor skipped by the run, as anti-joins on the unique keys (run,
     * subscriber): one index probe per subscriber. Written as NOT EXISTS, MariaDB materialized every bill of the run
     * for each chunk. The index hint keeps the walk a range scan from the last subscriber on: without it, MariaDB
     * (10.11) chose a "ref" scan on institution_id alone whenever the table statistics changed during a run, reading
     * every subscriber before the cursor again for each chunk (O(N²): 0.2 s a chunk at 300 000 subscribers).
     */
    public static final String NEXT_CANDIDATES_SQL = "SELECT s.id, s.subscriber_no, s.category, s.payment_code"
            + " FROM subscriber s FORCE INDEX (ix_subscriber_institution_id)"
            + " LEFT JOIN bill b ON b.billing_run_id = ? AND b.subscriber_id = s.id"
            + " LEFT JOIN billing_run_skip k ON k.billing_run_id = ? AND k.subscriber_id = s.id"
            + " WHERE s.institution_id = ? AND s.id > ? AND " + IN_RUN
            + " AND b.id IS NULL AND k.subscriber_id IS NULL ORDER BY s.id LIMIT ?";

    /**
     * The period's readings of a chunk's subscribers (institution, period, first id, last id). The hint keeps it a
     * range on all three parts of ix_reading_billing; unhinted, MariaDB switched mid-run to a "ref" on (institution,
     * period) that read every reading of the period for each chunk.
     */
    public static final String CHUNK_READINGS_SQL = "SELECT subscriber_id, id, reading_date, consumption_m3"
            + " FROM reading FORCE INDEX (ix_reading_billing)"
            + " WHERE institution_id = ? AND period = ? AND subscriber_id BETWEEN ? AND ?"
            + " ORDER BY subscriber_id, reading_date, id";

    @Override
    public BillingRunProgress openRun(EntityManager em, long institutionId, BillingPeriod period, Instant now) {
        Connection c = TransactionConnection.of(em);
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO billing_run (institution_id, period, status,"
                    + " started_at) VALUES (?, ?, 'RUNNING', ?) ON DUPLICATE KEY UPDATE id = id")) {
                ps.setLong(1, institutionId);
                ps.setString(2, period.toString());
                ps.setObject(3, utc(now));
                ps.executeUpdate();
            }
            long runId;
            BillingRunStatus status;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, status FROM billing_run"
                    + " WHERE institution_id = ? AND period = ? FOR UPDATE")) {
                ps.setLong(1, institutionId);
                ps.setString(2, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    runId = rs.getLong(1);
                    status = BillingRunStatus.valueOf(rs.getString(2));
                }
            }
            if (status != BillingRunStatus.COMPLETED) {
                int total;
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM subscriber s"
                        + " WHERE s.institution_id = ? AND " + IN_RUN)) {
                    ps.setLong(1, institutionId);
                    ps.setString(2, period.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getInt(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE billing_run SET status = 'RUNNING',"
                        + " last_error = NULL, total_subscribers = ?, heartbeat_at = ? WHERE id = ?")) {
                    ps.setInt(1, total);
                    ps.setObject(2, utc(now));
                    ps.setLong(3, runId);
                    ps.executeUpdate();
                }
            }
            return progress(c, runId).orElseThrow();
        } catch (SQLException e) {
            throw failure("open billing run", e);
        }
    }

    @Override
    public long lockOrCreateRun(EntityManager em, long institutionId, BillingPeriod period, Instant now) {
        Connection c = TransactionConnection.of(em);
        try {
            // INSERT IGNORE waits for a concurrent creator's commit on the unique key, then leaves its row alone
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO billing_run (institution_id, period,"
                    + " status, started_at) VALUES (?, ?, 'RUNNING', ?)")) {
                ps.setLong(1, institutionId);
                ps.setString(2, period.toString());
                ps.setObject(3, utc(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM billing_run"
                    + " WHERE institution_id = ? AND period = ? FOR UPDATE")) {
                ps.setLong(1, institutionId);
                ps.setString(2, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw failure("create or lock the billing run", e);
        }
    }

    @Override
    public void resumeRun(EntityManager em, long runId, Instant heartbeat) {
        Connection c = TransactionConnection.of(em);
        try {
            long institutionId;
            String period;
            try (PreparedStatement ps = c.prepareStatement("SELECT institution_id, period FROM billing_run"
                    + " WHERE id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    institutionId = rs.getLong(1);
                    period = rs.getString(2);
                }
            }
            int total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM subscriber s"
                    + " WHERE s.institution_id = ? AND " + IN_RUN)) {
                ps.setLong(1, institutionId);
                ps.setString(2, period);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            update(em, "UPDATE billing_run SET status = 'RUNNING', last_error = NULL, total_subscribers = ?,"
                    + " heartbeat_at = ? WHERE id = ? AND status <> 'COMPLETED'", total, stamp(heartbeat), runId);
        } catch (SQLException e) {
            throw failure("resume billing run " + runId, e);
        }
    }

    @Override
    public List<BillingRunProgress> unfinishedRuns(EntityManager em, java.util.Collection<Long> institutionIds,
                                                   int limit) {
        if (institutionIds != null && institutionIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT id FROM billing_run WHERE status <> 'COMPLETED'");
        if (institutionIds != null) {
            sql.append(" AND institution_id IN (").append("?,".repeat(institutionIds.size()));
            sql.setLength(sql.length() - 1);
            sql.append(')');
        }
        sql.append(" ORDER BY started_at DESC, id DESC LIMIT ?");
        Connection c = TransactionConnection.of(em);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (institutionIds != null) {
                for (Long id : institutionIds) {
                    ps.setLong(i++, id);
                }
            }
            ps.setInt(i, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            List<BillingRunProgress> runs = new ArrayList<>(ids.size());
            for (long id : ids) {
                progress(c, id).ifPresent(runs::add);
            }
            return runs;
        } catch (SQLException e) {
            throw failure("list the unfinished billing runs", e);
        }
    }

    @Override
    public void ensureNumberSeries(EntityManager em, long institutionId, String institutionCode, int year) {
        Connection c = TransactionConnection.of(em);
        try {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM bill_number_sequence WHERE institution_id = ? AND year = ?")) {
                ps.setLong(1, institutionId);
                ps.setInt(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            // start after any number of the series already used (bills imported or written before the series)
            String prefix = institutionCode + "-" + year + "-";
            long max = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT bill_no FROM bill WHERE institution_id = ?"
                    + " AND bill_no LIKE ? ESCAPE '!'")) {
                ps.setLong(1, institutionId);
                ps.setString(2, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String tail = rs.getString(1).substring(prefix.length());
                        if (!tail.isEmpty() && tail.length() < 10 && tail.chars().allMatch(Character::isDigit)) {
                            max = Math.max(max, Long.parseLong(tail));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO bill_number_sequence"
                    + " (institution_id, year, next_value) VALUES (?, ?, ?)")) {
                ps.setLong(1, institutionId);
                ps.setInt(2, year);
                ps.setLong(3, max + 1);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("create the bill number series", e);
        }
    }

    @Override
    public Optional<BillingRunStatus> lockRun(EntityManager em, long runId) {
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement(
                "SELECT status FROM billing_run WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(BillingRunStatus.valueOf(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("lock billing run " + runId, e);
        }
    }

    @Override
    public List<BillingCandidate> nextCandidates(EntityManager em, long runId, long institutionId,
                                                 BillingPeriod period, long afterSubscriberId, int limit) {
        Connection c = TransactionConnection.of(em);
        try {
            record Row(long id, String no, SubscriberCategory category, PaymentCode code) {
            }
            List<Row> rows = new ArrayList<>(limit);
            try (PreparedStatement ps = c.prepareStatement(NEXT_CANDIDATES_SQL)) {
                ps.setLong(1, runId);
                ps.setLong(2, runId);
                ps.setLong(3, institutionId);
                ps.setLong(4, afterSubscriberId);
                ps.setString(5, period.toString());
                ps.setInt(6, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getString(2), SubscriberCategory.valueOf(rs.getString(3)),
                                new PaymentCode(rs.getString(4))));
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            record Read(long readingId, LocalDate date, long m3) {
            }
            Map<Long, Read> reads = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(CHUNK_READINGS_SQL)) {
                ps.setLong(1, institutionId);
                ps.setString(2, period.toString());
                ps.setLong(3, rows.get(0).id());
                ps.setLong(4, rows.get(rows.size() - 1).id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long m3 = rs.getLong(4);
                        Read latest = new Read(rs.getLong(2), rs.getObject(3, LocalDate.class), m3);
                        // several meters read in the period: their consumption adds up, the latest reading is billed
                        reads.merge(rs.getLong(1), latest, (earlier, later) ->
                                new Read(later.readingId(), later.date(), earlier.m3() + later.m3()));
                    }
                }
            }
            List<BillingCandidate> candidates = new ArrayList<>(rows.size());
            for (Row r : rows) {
                Read read = reads.get(r.id());
                candidates.add(read == null
                        ? new BillingCandidate(r.id(), r.no(), r.category(), r.code(), null, null, null)
                        : new BillingCandidate(r.id(), r.no(), r.category(), r.code(), read.readingId(), read.date(),
                        CubicMeters.of(read.m3())));
            }
            return candidates;
        } catch (SQLException e) {
            throw failure("select the next subscribers of billing run " + runId, e);
        }
    }

    @Override
    public long takeBillNumbers(EntityManager em, long institutionId, int year, int count) {
        Connection c = TransactionConnection.of(em);
        try {
            long first;
            try (PreparedStatement ps = c.prepareStatement("SELECT next_value FROM bill_number_sequence"
                    + " WHERE institution_id = ? AND year = ? FOR UPDATE")) {
                ps.setLong(1, institutionId);
                ps.setInt(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no bill number series for institution " + institutionId
                                + " and year " + year);
                    }
                    first = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE bill_number_sequence SET next_value = ?"
                    + " WHERE institution_id = ? AND year = ?")) {
                ps.setLong(1, first + count);
                ps.setLong(2, institutionId);
                ps.setInt(3, year);
                ps.executeUpdate();
            }
            return first;
        } catch (SQLException e) {
            throw failure("take bill numbers", e);
        }
    }

    @Override
    public void insertRunBills(EntityManager em, long runId, List<Bill> bills) {
        if (bills.isEmpty()) {
            return;
        }
        Connection c = TransactionConnection.of(em);
        try {
            long minSubscriber = Long.MAX_VALUE;
            long maxSubscriber = Long.MIN_VALUE;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bill (institution_id, subscriber_id,"
                    + " payment_code, bill_no, period, billing_run_id, reading_id, issue_date, due_date, consumption_m3,"
                    + " total, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Bill b : bills) {
                    if (b.getBillingRunId() == null || b.getBillingRunId() != runId) {
                        throw new IllegalArgumentException("bill " + b.getBillNo() + " is not of run " + runId);
                    }
                    ps.setLong(1, b.getInstitutionId());
                    ps.setLong(2, b.getSubscriberId());
                    ps.setString(3, b.getPaymentCode() == null ? null : b.getPaymentCode().value());
                    ps.setString(4, b.getBillNo());
                    ps.setString(5, b.getPeriod().toString());
                    ps.setLong(6, runId);
                    setLong(ps, 7, b.getReadingId());
                    ps.setObject(8, b.getIssueDate());
                    ps.setObject(9, b.getDueDate());
                    ps.setLong(10, b.getConsumptionM3());
                    ps.setBigDecimal(11, b.getTotal().amount());
                    ps.setString(12, b.getStatus().name());
                    ps.setObject(13, utc(b.getCreatedAt()));
                    ps.addBatch();
                    minSubscriber = Math.min(minSubscriber, b.getSubscriberId());
                    maxSubscriber = Math.max(maxSubscriber, b.getSubscriberId());
                }
                ps.executeBatch();
            }
            // the ids without relying on generated keys of a rewritten batch: the run has one bill per subscriber
            Map<Long, Long> billIdBySubscriber = new HashMap<>(bills.size() * 2);
            // hinted for the same reason as CHUNK_READINGS_SQL: a range on both parts, never a "ref" on the run
            try (PreparedStatement ps = c.prepareStatement("SELECT subscriber_id, id FROM bill"
                    + " FORCE INDEX (uk_bill_run_subscriber) WHERE billing_run_id = ? AND subscriber_id BETWEEN ? AND ?")) {
                ps.setLong(1, runId);
                ps.setLong(2, minSubscriber);
                ps.setLong(3, maxSubscriber);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        billIdBySubscriber.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bill_line (bill_id, seq, kind, description,"
                    + " quantity, unit_price, amount, kdv_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Bill b : bills) {
                    long billId = billIdBySubscriber.get(b.getSubscriberId());
                    for (BillLine line : b.getLines()) {
                        ps.setLong(1, billId);
                        ps.setInt(2, line.getSeq());
                        ps.setString(3, line.getKind().name());
                        ps.setString(4, line.getDescription());
                        ps.setBigDecimal(5, line.getQuantity());
                        ps.setBigDecimal(6, line.getUnitPrice());
                        ps.setBigDecimal(7, line.getAmount().amount());
                        ps.setBigDecimal(8, line.getKdvRate());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw failure("insert the bills of billing run " + runId, e);
        }
    }

    @Override
    public void insertSkips(EntityManager em, long runId, List<SkippedSubscriber> skips) {
        if (skips.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement("INSERT INTO billing_run_skip"
                + " (billing_run_id, subscriber_id, reason, detail) VALUES (?, ?, ?, ?)")) {
            for (SkippedSubscriber s : skips) {
                ps.setLong(1, runId);
                ps.setLong(2, s.subscriberId());
                ps.setString(3, s.reason().name());
                ps.setString(4, s.detail() == null ? null
                        : s.detail().length() > 300 ? s.detail().substring(0, 300) : s.detail());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failure("record the skipped subscribers of billing run " + runId, e);
        }
    }

    @Override
    public void recordChunk(EntityManager em, long runId, int processed, int billsCreated, int skipped, Instant now) {
        update(em, "UPDATE billing_run SET processed = processed + ?, bills_created = bills_created + ?,"
                + " skipped = skipped + ?, heartbeat_at = ? WHERE id = ?", processed, billsCreated, skipped, stamp(now),
                runId);
    }

    @Override
    public void complete(EntityManager em, long runId, Instant now) {
        update(em, "UPDATE billing_run SET status = 'COMPLETED', finished_at = ?, heartbeat_at = ?, last_error = NULL"
                + " WHERE id = ?", utc(now), utc(now), runId);
    }

    @Override
    public void fail(EntityManager em, long runId, String error, Instant now) {
        update(em, "UPDATE billing_run SET status = 'FAILED', last_error = ?, heartbeat_at = ?"
                + " WHERE id = ? AND status = 'RUNNING'", error, utc(now), runId);
    }

    @Override
    public Optional<BillingRunProgress> progress(EntityManager em, long runId) {
        try {
            return progress(TransactionConnection.of(em), runId);
        } catch (SQLException e) {
            throw failure("read billing run " + runId, e);
        }
    }

    @Override
    public List<SkippedSubscriber> skipped(EntityManager em, long runId) {
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement(
                "SELECT k.subscriber_id, s.subscriber_no,"
                + " k.reason, k.detail FROM billing_run_skip k JOIN subscriber s ON s.id = k.subscriber_id"
                + " WHERE k.billing_run_id = ? ORDER BY k.subscriber_id")) {
            ps.setLong(1, runId);
            List<SkippedSubscriber> skipped = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    skipped.add(new SkippedSubscriber(rs.getLong(1), rs.getString(2),
                            SkipReason.valueOf(rs.getString(3)), rs.getString(4)));
                }
            }
            return skipped;
        } catch (SQLException e) {
            throw failure("read the skipped subscribers of billing run " + runId, e);
        }
    }

    private static Optional<BillingRunProgress> progress(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM billing_run WHERE id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new BillingRunProgress(rs.getLong(1), rs.getLong(2),
                        BillingPeriod.parse(rs.getString(3)), BillingRunStatus.valueOf(rs.getString(4)), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), instant(rs, 9), instant(rs, 10), instant(rs, 11),
                        rs.getString(12)));
            }
        }
    }

    private static void update(EntityManager em, String sql, Object... parameters) {
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * A heartbeat to the microsecond, as text: Connector/J drops the fraction of a {@code LocalDateTime} for a server
     * that reports an old MySQL version (MariaDB does), and a heartbeat identifies its worker by that fraction.
     */
    private static String stamp(Instant instant) {
        return STAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static PersistenceException failure(String what, SQLException e) {
        return new PersistenceException("could not " + what + ": " + e.getMessage(), e);
    }
}
