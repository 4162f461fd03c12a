package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.surcharge.PrincipalPayment;
import org.sutahsilat.domain.surcharge.SurchargeCalculator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory ledger for tests: what the collection application service does with repositories, done with lists,
 * on the real {@link Payment} entity, {@link PaymentAllocator} and {@link SurchargeCalculator}.
 *
 * <p>Rules it follows (the ones the service must follow):
 * <ul>
 *   <li>Accruals are bill totals (the principal) and surcharge charges. <b>Surcharge is charged when money reaches a
 *       bill</b> (a payment, or credit being spent): before allocating on day t, every bill the money reaches gets
 *       a surcharge row bringing what was charged up to the surcharge accrued by t (computed exactly from the due
 *       date and the principal still open over each interval, rounded once). Bills the money does not reach are
 *       not charged; their surcharge is still shown as due in {@link #openItems}.</li>
 *   <li>A reversed payment, and its reversal, do not count as principal paid for the surcharge: once reversed, the
 *       principal bears surcharge as if it had never been paid. Surcharge charged on the day of the reversed payment
 *       stays charged (it was owed that day); the reversal only makes it unpaid again.</li>
 *   <li>Credit is spent oldest payment first, on the oldest debt first; the rows go on the payment that left it.</li>
 *   <li>Business dates of one subscriber never go back (a payment dated before the subscriber's last posting is
 *       refused).</li>
 * </ul>
 * {@link PaymentAllocation} has no date; the ledger keeps each row's business date beside it (a persistent version
 * needs an {@code allocated_on} column, or credit transfers as rows of their own).
 */
final class InMemoryLedger {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    record BillRow(long billId, long institutionId, long subscriberId, LocalDate dueDate, Money total) {
    }

    record SurchargeRow(long billId, long institutionId, long subscriberId, LocalDate on, Money amount) {
    }

    /** A payment as posted: the entity, its business date and the date of each of its allocation rows. */
    static final class Posted {
        final long id;
        final Payment payment;
        final LocalDate on;
        final List<LocalDate> rowDates = new ArrayList<>();
        Posted reverses;
        Posted reversedBy;

        Posted(long id, Payment payment, LocalDate on) {
            this.id = id;
            this.payment = payment;
            this.on = on;
        }

        void dateNewRows(LocalDate day) {
            while (rowDates.size() < payment.getAllocations().size()) {
                rowDates.add(day);
            }
        }

        boolean isReversalOrReversed() {
            return reverses != null || reversedBy != null;
        }

        long subscriberId() {
            return payment.getSubscriberId();
        }

        long institutionId() {
            return payment.getInstitutionId();
        }
    }

    /** Totals of one subscriber or one institution; see {@link LedgerInvariant}. */
    record Balance(Money accruals, Money allocatedToBills, Money credits, Money openItems, Money unspentCredit,
                   Money cashReceived) {

        /** Σ accruals − Σ allocated payments − credits, from the journal (payments grouped by payer). */
        Money journal() {
            return accruals.minus(allocatedToBills).minus(credits);
        }

        /** Open balance: what the bills still ask (grouped by the bills' owner) less unspent credit. */
        Money open() {
            return openItems.minus(unspentCredit);
        }
    }

    private final PaymentAllocator allocator = new PaymentAllocator();
    private final Map<Long, SurchargeCalculator> calculators = new HashMap<>();
    private final Map<Long, Long> institutionOfSubscriber = new LinkedHashMap<>();
    private final Map<Long, LocalDate> lastPosting = new HashMap<>();
    private final Map<Long, BillRow> bills = new LinkedHashMap<>();
    private final List<SurchargeRow> surcharges = new ArrayList<>();
    private final List<Posted> payments = new ArrayList<>();
    private long nextBillId = 1;
    private long nextPaymentId = 1;

    InMemoryLedger institution(long institutionId, SurchargeCalculator calculator) {
        calculators.put(institutionId, calculator);
        return this;
    }

    InMemoryLedger subscriber(long subscriberId, long institutionId) {
        if (!calculators.containsKey(institutionId)) {
            throw new IllegalArgumentException("unknown institution " + institutionId);
        }
        institutionOfSubscriber.put(subscriberId, institutionId);
        return this;
    }

    BillRow issueBill(long subscriberId, LocalDate dueDate, Money total) {
        if (!total.isPositive()) {
            throw new IllegalArgumentException("a bill total must be positive");
        }
        BillRow b = new BillRow(nextBillId++, institutionOf(subscriberId), subscriberId, dueDate, total);
        bills.put(b.billId(), b);
        return b;
    }

    Payment receive(long subscriberId, Money amount, LocalDate on) {
        touch(subscriberId, on);
        List<AllocationLine> lines = allocator.allocate(amount, openItems(subscriberId, on));
        chargeSurcharge(lines, on);
        long id = nextPaymentId++;
        Instant at = on.atStartOfDay(ZONE).toInstant();
        Payment p = Payment.receive(institutionOf(subscriberId), subscriberId, amount, PaymentChannel.CASH, at,
                "R" + id, null, null, at);
        PaymentAllocator.post(p, lines);
        Posted posted = new Posted(id, p, on);
        posted.dateNewRows(on);
        payments.add(posted);
        return p;
    }

    Payment reverse(Payment payment, LocalDate on) {
        Posted original = posted(payment);
        if (original.isReversalOrReversed()) {
            throw new IllegalStateException("payment " + payment.getReceiptNo() + " is a reversal or reversed");
        }
        touch(original.subscriberId(), on);
        long id = nextPaymentId++;
        Payment r = payment.reverse(payment.getReceiptNo() + "-S", null, on.atStartOfDay(ZONE).toInstant());
        Posted reversal = new Posted(id, r, on);
        reversal.dateNewRows(on);
        reversal.reverses = original;
        original.reversedBy = reversal;
        payments.add(reversal);
        return r;
    }

    /** Spends the subscriber's unspent credit on open debt; returns what it paid (empty when nothing). */
    List<AllocationLine> applyCredit(long subscriberId, LocalDate on) {
        List<Posted> sources = payments.stream()
                .filter(p -> p.subscriberId() == subscriberId && !p.isReversalOrReversed()
                        && p.payment.creditBalance().isPositive())
                .toList();
        Money credit = sources.stream().map(p -> p.payment.creditBalance()).reduce(Money.ZERO, Money::plus);
        if (!credit.isPositive()) {
            return List.of();
        }
        touch(subscriberId, on);
        List<AllocationLine> lines = allocator.allocateCredit(credit, openItems(subscriberId, on));
        chargeSurcharge(lines, on);
        int source = 0;
        for (AllocationLine line : lines) {
            Money left = line.amount();
            while (left.isPositive()) {
                Posted from = sources.get(source);
                Money part = left.min(from.payment.creditBalance());
                from.payment.applyCredit(line.billId(), line.kind(), part);
                from.dateNewRows(on);
                left = left.minus(part);
                if (from.payment.creditBalance().isZero()) {
                    source++;
                }
            }
        }
        return lines;
    }

    /** What the subscriber's bills ask on {@code asOf}: open principal and the surcharge due that day. */
    List<OpenItem> openItems(long subscriberId, LocalDate asOf) {
        List<OpenItem> items = new ArrayList<>();
        for (BillRow b : bills.values()) {
            if (b.subscriberId() != subscriberId) {
                continue;
            }
            Money principal = openPrincipal(b.billId());
            Money surcharge = openSurcharge(b.billId()).plus(uncharged(b, asOf));
            if (principal.isPositive() || surcharge.isPositive()) {
                items.add(new OpenItem(b.billId(), b.dueDate(), principal, surcharge));
            }
        }
        return items;
    }

    Money openPrincipal(long billId) {
        return bills.get(billId).total().minus(allocatedTo(billId, AllocationKind.PRINCIPAL));
    }

    /** Surcharge charged on the bill and not paid. */
    Money openSurcharge(long billId) {
        return surchargeCharged(billId).minus(allocatedTo(billId, AllocationKind.SURCHARGE));
    }

    Money surchargeCharged(long billId) {
        return surcharges.stream().filter(s -> s.billId() == billId).map(SurchargeRow::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    /** What the surcharge calculator says the bill has accrued by {@code asOf}, charged or not. */
    Money surchargeAccrued(long billId, LocalDate asOf) {
        BillRow b = bills.get(billId);
        return calculators.get(b.institutionId()).surcharge(b.total(), b.dueDate(), principalPaid(billId), asOf);
    }

    /** The surcharge the bill would bear by {@code asOf} had none of its principal been paid. */
    Money surchargeIfUnpaid(long billId, LocalDate asOf) {
        BillRow b = bills.get(billId);
        return calculators.get(b.institutionId()).surcharge(b.total(), b.dueDate(), asOf);
    }

    Money creditBalance(long subscriberId) {
        return balance(null, subscriberId).unspentCredit();
    }

    Balance subscriberBalance(long subscriberId) {
        return balance(null, subscriberId);
    }

    Balance institutionBalance(long institutionId) {
        return balance(institutionId, null);
    }

    List<Posted> payments() {
        return List.copyOf(payments);
    }

    Map<Long, BillRow> bills() {
        return Map.copyOf(bills);
    }

    List<SurchargeRow> surcharges() {
        return List.copyOf(surcharges);
    }

    Set<Long> subscribers() {
        return institutionOfSubscriber.keySet();
    }

    Set<Long> institutions() {
        return new LinkedHashSet<>(institutionOfSubscriber.values());
    }

    long institutionOf(long subscriberId) {
        Long institutionId = institutionOfSubscriber.get(subscriberId);
        if (institutionId == null) {
            throw new IllegalArgumentException("unknown subscriber " + subscriberId);
        }
        return institutionId;
    }

    private Balance balance(Long institutionId, Long subscriberId) {
        Money accruals = Money.ZERO;
        Money openItems = Money.ZERO;
        for (BillRow b : bills.values()) {
            if (matches(b.institutionId(), b.subscriberId(), institutionId, subscriberId)) {
                accruals = accruals.plus(b.total());
                openItems = openItems.plus(openPrincipal(b.billId())).plus(openSurcharge(b.billId()));
            }
        }
        for (SurchargeRow s : surcharges) {
            if (matches(s.institutionId(), s.subscriberId(), institutionId, subscriberId)) {
                accruals = accruals.plus(s.amount());
            }
        }
        Money allocated = Money.ZERO;
        Money credits = Money.ZERO;
        Money unspent = Money.ZERO;
        Money cash = Money.ZERO;
        for (Posted p : payments) {
            if (!matches(p.institutionId(), p.subscriberId(), institutionId, subscriberId)) {
                continue;
            }
            cash = cash.plus(p.payment.getAmount());
            unspent = unspent.plus(p.payment.creditBalance());
            for (PaymentAllocation a : p.payment.getAllocations()) {
                if (a.getKind() == AllocationKind.CREDIT) {
                    credits = credits.plus(a.getAmount());
                } else {
                    allocated = allocated.plus(a.getAmount());
                }
            }
        }
        return new Balance(accruals, allocated, credits, openItems, unspent, cash);
    }

    private static boolean matches(long institutionId, long subscriberId, Long wantedInstitution, Long wantedSubscriber) {
        return (wantedInstitution == null || wantedInstitution == institutionId)
                && (wantedSubscriber == null || wantedSubscriber == subscriberId);
    }

    /** Brings the surcharge charged on every bill the lines reach up to what it has accrued on {@code on}. */
    private void chargeSurcharge(List<AllocationLine> lines, LocalDate on) {
        Set<Long> reached = new LinkedHashSet<>();
        lines.stream().filter(l -> l.billId() != null).forEach(l -> reached.add(l.billId()));
        for (long billId : reached) {
            BillRow b = bills.get(billId);
            Money fresh = uncharged(b, on);
            if (fresh.isPositive()) {
                surcharges.add(new SurchargeRow(billId, b.institutionId(), b.subscriberId(), on, fresh));
            }
        }
    }

    private Money uncharged(BillRow b, LocalDate asOf) {
        Money fresh = surchargeAccrued(b.billId(), asOf).minus(surchargeCharged(b.billId()));
        if (fresh.isNegative()) {
            throw new IllegalStateException("bill " + b.billId() + " was charged more surcharge than it accrued by "
                    + asOf + ": " + fresh);
        }
        return fresh;
    }

    /** Principal paid on the bill by payments in force (not reversed, not reversals), with the day of each row. */
    private List<PrincipalPayment> principalPaid(long billId) {
        List<PrincipalPayment> paid = new ArrayList<>();
        for (Posted p : payments) {
            if (p.isReversalOrReversed()) {
                continue;
            }
            List<PaymentAllocation> rows = p.payment.getAllocations();
            for (int i = 0; i < rows.size(); i++) {
                PaymentAllocation a = rows.get(i);
                if (a.getKind() == AllocationKind.PRINCIPAL && Long.valueOf(billId).equals(a.getBillId())) {
                    paid.add(new PrincipalPayment(p.rowDates.get(i), a.getAmount()));
                }
            }
        }
        return paid;
    }

    private Money allocatedTo(long billId, AllocationKind kind) {
        Money sum = Money.ZERO;
        for (Posted p : payments) {
            for (PaymentAllocation a : p.payment.getAllocations()) {
                if (a.getKind() == kind && Long.valueOf(billId).equals(a.getBillId())) {
                    sum = sum.plus(a.getAmount());
                }
            }
        }
        return sum;
    }

    private Posted posted(Payment payment) {
        return payments.stream().filter(p -> p.payment == payment).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a payment of this ledger"));
    }

    private void touch(long subscriberId, LocalDate on) {
        LocalDate last = lastPosting.get(subscriberId);
        if (last != null && on.isBefore(last)) {
            throw new IllegalArgumentException("subscriber " + subscriberId + ": " + on + " is before the last posting "
                    + last);
        }
        lastPosting.put(subscriberId, on);
    }
}
