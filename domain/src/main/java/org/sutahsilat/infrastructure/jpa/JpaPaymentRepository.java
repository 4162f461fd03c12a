package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import org.sutahsilat.domain.billing.BillStatus;
import org.sutahsilat.domain.institution.SurchargePolicy;
import org.sutahsilat.domain.payment.AllocationKind;
import org.sutahsilat.domain.payment.Payment;
import org.sutahsilat.domain.payment.PaymentChannel;
import org.sutahsilat.domain.payment.PaymentFilter;
import org.sutahsilat.domain.payment.PaymentRepository;
import org.sutahsilat.domain.payment.PaymentSummary;
import org.sutahsilat.domain.payment.SubscriberLedger;
import org.sutahsilat.domain.payment.SurchargeCharge;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.subscriber.PersonalDataMasking;
import org.sutahsilat.domain.surcharge.SurchargeRate;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.domain.tenant.TenantContext;
import org.sutahsilat.domain.user.UserAccount;
import org.sutahsilat.infrastructure.jdbc.TransactionConnection;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaPaymentRepository extends JpaRepositorySupport implements PaymentRepository {

    /** Sort key → column of the list query (a whitelist: nothing from the browser reaches the SQL). */
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "paidAt", "p.paid_at", "receivedOn", "business_day", "receiptNo", "p.receipt_no", "amount", "p.amount",
            "channel", "p.channel", "subscriberNo", "s.subscriber_no");
    /** The business day of a payment without received_on: the day of paid_at (UTC) in Türkiye (UTC+3). */
    private static final String BUSINESS_DAY = "COALESCE(p.received_on, DATE(p.paid_at + INTERVAL 3 HOUR))";

    protected JpaPaymentRepository() {
    }

    public JpaPaymentRepository(EntityManager em, TenantContext tenant) {
        super(em, tenant);
    }

    @Override
    public Optional<Payment> find(long id) {
        return findScoped(Payment.class, id);
    }

    @Override
    public Optional<Payment> findByIdempotencyKey(long institutionId, String key, Read read) {
        if (!scope().permits(institutionId) || key == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT p FROM Payment p WHERE p.institutionId = :institutionId"
                        + " AND p.idempotencyKey = :key", Payment.class)
                .setParameter("institutionId", institutionId)
                .setParameter("key", key)
                .setLockMode(lockMode(read))
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Payment> findReversalOf(long paymentId) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.reversesPaymentId = :id", Payment.class)
                .setParameter("id", paymentId)
                .getResultStream().filter(p -> scope().permits(p.getInstitutionId())).findFirst();
    }

    @Override
    public boolean referenceUsed(PaymentChannel channel, String reference) {
        // the unique key (channel, external_ref) answers it; on the transaction's connection, which sees every
        // payment of this transaction too (save flushes at once)
        return anyRow("check reference " + reference, "SELECT 1 FROM payment WHERE channel = ? AND external_ref = ?",
                channel.name(), reference);
    }

    @Override
    public void lockSubscriber(long subscriberId) {
        anyRow("lock subscriber " + subscriberId, "SELECT id FROM subscriber WHERE id = ? FOR UPDATE", subscriberId);
    }

    @Override
    public void lockSubscriberByNo(long institutionId, String subscriberNo) {
        anyRow("lock subscriber " + subscriberNo,
                "SELECT id FROM subscriber WHERE institution_id = ? AND subscriber_no = ? FOR UPDATE", institutionId,
                subscriberNo);
    }

    /**
     * Whether the query finds a row: plain JDBC on the transaction's connection (an EclipseLink native query parses
     * its SQL at every execution; the driver caches this one). A locking query's locks stay until the transaction ends.
     */
    private boolean anyRow(String what, String sql, Object... params) {
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what, e);
        }
    }

    @Override
    public List<Payment> paymentsOf(long subscriberId, Read read) {
        Query q = em.createQuery("SELECT p FROM Payment p LEFT JOIN FETCH p.allocations WHERE "
                + scopeCondition("p") + " AND p.subscriberId = :subscriberId ORDER BY p.id", Payment.class);
        bindScope(q);
        @SuppressWarnings("unchecked")
        List<Payment> payments = q.setParameter("subscriberId", subscriberId)
                .setLockMode(lockMode(read))
                .getResultList();
        return List.copyOf(new java.util.LinkedHashSet<>(payments));
    }

    @Override
    public List<SurchargeCharge> chargesOf(long subscriberId, Read read) {
        Query q = em.createQuery("SELECT c FROM SurchargeCharge c WHERE " + scopeCondition("c")
                + " AND c.subscriberId = :subscriberId ORDER BY c.id", SurchargeCharge.class);
        bindScope(q);
        @SuppressWarnings("unchecked")
        List<SurchargeCharge> charges = q.setParameter("subscriberId", subscriberId)
                .setLockMode(lockMode(read))
                .getResultList();
        return charges;
    }

    @Override
    public SubscriberLedger.BillRows billRows(long institutionId, long billId) {
        if (!scope().permits(institutionId)) {
            return new SubscriberLedger.BillRows(List.of(), List.of());
        }
        // One round trip for both kinds of row. An allocation row is dated and judged "in force" as
        // SubscriberLedger.of does: the row's day, else its payment's business day; a reversal, or a payment some
        // reversal reverses, is not in force. A charge row has no payment (NULL id, kind and flag).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.id, a.kind, a.amount, COALESCE(a.allocated_on, "
                        + BUSINESS_DAY + "), p.reverses_payment_id IS NULL AND NOT EXISTS (SELECT 1 FROM payment r"
                        + " WHERE r.reverses_payment_id = p.id), a.id FROM payment_allocation a"
                        + " JOIN payment p ON p.id = a.payment_id WHERE a.bill_id = ? AND p.institution_id = ?"
                        + " UNION ALL SELECT NULL, NULL, c.amount, c.charged_on, NULL, c.id FROM surcharge_charge c"
                        + " WHERE c.bill_id = ? AND c.institution_id = ? ORDER BY 6")
                .setParameter(1, billId)
                .setParameter(2, institutionId)
                .setParameter(3, billId)
                .setParameter(4, institutionId)
                .getResultList();
        List<SubscriberLedger.AllocationEntry> allocations = new ArrayList<>();
        List<SubscriberLedger.ChargeEntry> charges = new ArrayList<>();
        for (Object[] r : rows) {
            Money amount = Money.of((BigDecimal) r[2]);
            LocalDate on = localDate(r[3]);
            if (r[0] == null) {
                charges.add(new SubscriberLedger.ChargeEntry(billId, on, amount));
            } else {
                allocations.add(new SubscriberLedger.AllocationEntry(((Number) r[0]).longValue(), billId,
                        AllocationKind.valueOf((String) r[1]), amount, on, truth(r[4])));
            }
        }
        return new SubscriberLedger.BillRows(allocations, charges);
    }

    /** A SQL truth value as the driver returns it (a number or a boolean). */
    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    private static LockModeType lockMode(Read read) {
        return read == Read.LOCKING ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE;
    }

    @Override
    public List<SubscriberLedger.BillEntry> billsInForce(long subscriberId) {
        // the five values the ledger needs, not the entities: nothing built, registered, copied and compared at flush
        // (every posting reads the subscriber's bills under its lock)
        Query q = em.createQuery("SELECT b.id, b.billNo, b.period, b.dueDate, b.total FROM Bill b WHERE "
                + scopeCondition("b") + " AND b.subscriberId = :subscriberId AND b.status = :status"
                + " ORDER BY b.dueDate, b.id");
        bindScope(q);
        @SuppressWarnings("unchecked")
        List<Object[]> bills = q.setParameter("subscriberId", subscriberId)
                .setParameter("status", BillStatus.ISSUED)
                .getResultList();
        return bills.stream().map(b -> new SubscriberLedger.BillEntry((Long) b[0], (String) b[1],
                (BillingPeriod) b[2], (LocalDate) b[3], (Money) b[4])).toList();
    }

    /**
     * One statement: creates the year's counter at 2 (handing out 1) or increments it, and returns the number handed
     * out through {@code LAST_INSERT_ID(expr)} (the connection's own value, reported with the statement's result).
     * The row stays locked until the transaction ends, so numbers follow commit order without a gap.
     */
    @Override
    public String nextReceiptNo(long institutionId, String institutionCode, int year) {
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement("INSERT INTO receipt_number_sequence"
                + " (institution_id, year, next_value) VALUES (?, ?, LAST_INSERT_ID(2)) ON DUPLICATE KEY UPDATE"
                + " next_value = LAST_INSERT_ID(next_value + 1)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, institutionId);
            ps.setInt(2, year);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("no receipt number for institution " + institutionId);
                }
                long stored = keys.getLong(1);
                return Payment.receiptNo(institutionCode, year, stored - 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a receipt number for institution " + institutionId, e);
        }
    }

    @Override
    public Payment save(Payment payment) {
        Payment saved = saveScoped(payment);
        em.flush();
        return saved;
    }

    @Override
    public SurchargeCharge save(SurchargeCharge charge) {
        return saveScoped(charge);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public Optional<String> staffName(long userId) {
        UserAccount u = em.find(UserAccount.class, userId);
        return Optional.ofNullable(u).map(UserAccount::getFullName);
    }

    @Override
    public List<SurchargeRate> surchargeRates(SurchargePolicy policy) {
        if (policy == SurchargePolicy.NONE) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT valid_from, monthly_rate FROM surcharge_rate"
                        + " WHERE policy = ? ORDER BY valid_from")
                .setParameter(1, policy.name())
                .getResultList();
        return rows.stream().map(r -> new SurchargeRate(localDate(r[0]), (BigDecimal) r[1])).toList();
    }

    @Override
    public Page<PaymentSummary> search(PaymentFilter filter, PageRequest page) {
        TenantScope scope = scope();
        if (scope.isEmpty()) {
            return new Page<>(List.of(), 0);
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!scope.isAll()) {
            where.append(" AND p.institution_id IN (").append(scope.institutionIds().stream().map(String::valueOf)
                    .collect(Collectors.joining(", "))).append(')');
        }
        if (filter.institutionId() != null) {
            where.append(" AND p.institution_id = ?");
            params.add(filter.institutionId());
        }
        if (filter.from() != null) {
            where.append(" AND ").append(BUSINESS_DAY).append(" >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND ").append(BUSINESS_DAY).append(" <= ?");
            params.add(filter.to());
        }
        if (filter.channel() != null) {
            where.append(" AND p.channel = ?");
            params.add(filter.channel().name());
        }
        if (filter.subscriberNoPrefix() != null && !filter.subscriberNoPrefix().isBlank()) {
            where.append(" AND s.subscriber_no LIKE ? ESCAPE '\\\\'");
            params.add(likeEscape(filter.subscriberNoPrefix().trim()) + "%");
        }
        String reversedBy = "(SELECT r.id FROM payment r WHERE r.reverses_payment_id = p.id)";
        if (Boolean.TRUE.equals(filter.reversed())) {
            where.append(" AND (p.reverses_payment_id IS NOT NULL OR ").append(reversedBy).append(" IS NOT NULL)");
        } else if (Boolean.FALSE.equals(filter.reversed())) {
            where.append(" AND p.reverses_payment_id IS NULL AND ").append(reversedBy).append(" IS NULL");
        }
        String from = " FROM payment p JOIN subscriber s ON s.id = p.subscriber_id"
                + " LEFT JOIN app_user u ON u.id = p.received_by";
        Query count = em.createNativeQuery("SELECT COUNT(*)" + from + where);
        bind(count, params);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total == 0) {
            return new Page<>(List.of(), 0);
        }
        String column = SORT_COLUMNS.getOrDefault(page.sortKey() == null ? "paidAt" : page.sortKey(), "p.paid_at");
        String direction = page.ascending() ? " ASC" : " DESC";
        Query query = em.createNativeQuery("SELECT p.id, p.institution_id, p.receipt_no, p.paid_at, "
                + BUSINESS_DAY + " AS business_day, s.subscriber_no, s.full_name, p.amount, p.channel,"
                + " p.external_ref, p.reverses_payment_id, " + reversedBy + " AS reversed_by, u.full_name"
                + from + where + " ORDER BY " + column + direction + ", p.id" + direction
                + " LIMIT " + page.limit() + " OFFSET " + page.offset());
        bind(query, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<PaymentSummary> items = rows.stream().map(r -> new PaymentSummary(
                ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], instant(r[3]),
                localDate(r[4]), (String) r[5], PersonalDataMasking.name((String) r[6]),
                Money.of((BigDecimal) r[7]), PaymentChannel.valueOf((String) r[8]), (String) r[9], r[10] != null,
                r[11] != null, (String) r[12])).toList();
        return new Page<>(items, total);
    }

    private static void bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }
}
