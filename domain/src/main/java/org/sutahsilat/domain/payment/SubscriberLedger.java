package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.surcharge.PrincipalPayment;
import org.sutahsilat.domain.surcharge.SurchargeCalculator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One subscriber's account as the payment service sees it: the bills in force, the surcharge charged on them and
 * every allocation row of the subscriber's payments. Pure (no database): {@link PaymentService} loads it under the
 * subscriber's lock, plans with it and records here what it posts, so a second step (credit, then the payment) sees
 * the first.
 *
 * <h2>Rules (those of domain.md, "Money in, money out")</h2>
 * <ul>
 *   <li>Open principal of a bill = its total − Σ PRINCIPAL rows on it (reversal rows are negative and give it back).</li>
 *   <li>Surcharge accrues on the principal still open over each interval ({@link SurchargeCalculator}); principal
 *       paid by a payment that was reversed, or by a reversal, does not count as paid: once reversed, the principal
 *       bears surcharge as if it had never been paid.</li>
 *   <li>Surcharge is <b>charged</b> (posted) only when money reaches the bill ({@link #charge}): up to what it has
 *       accrued that day. Surcharge due on a day = charged and unpaid + accrued and not yet charged.</li>
 *   <li>Credit = Σ CREDIT rows (overpayments less what was spent of them).</li>
 * </ul>
 */
public final class SubscriberLedger {

    /** A bill in force (ISSUED). */
    public record BillEntry(long billId, String billNo, BillingPeriod period, LocalDate dueDate, Money total) {
    }

    /** Surcharge posted on a bill on a day. */
    public record ChargeEntry(long billId, LocalDate on, Money amount) {
    }

    /**
     * One allocation row of one of the subscriber's payments, dated its business day.
     *
     * @param inForce the payment is neither reversed nor a reversal (its principal rows count as paid)
     */
    public record AllocationEntry(long paymentId, Long billId, AllocationKind kind, Money amount, LocalDate on,
                                  boolean inForce) {
    }

    /** What is posted on one bill: the allocation rows on it and the surcharge charged on it. */
    public record BillRows(List<AllocationEntry> allocations, List<ChargeEntry> charges) {

        public BillRows {
            allocations = List.copyOf(allocations);
            charges = List.copyOf(charges);
        }

        /** Σ principal rows on the bill, reversal rows (negative) included: what has been paid of its total. */
        public Money principalPaid() {
            return allocations.stream().filter(a -> a.kind() == AllocationKind.PRINCIPAL).map(AllocationEntry::amount)
                    .reduce(Money.ZERO, Money::plus);
        }
    }

    private final SurchargeCalculator calculator;
    private final Map<Long, BillEntry> bills = new LinkedHashMap<>();
    private final List<ChargeEntry> charges = new ArrayList<>();
    private final List<AllocationEntry> allocations = new ArrayList<>();

    public SubscriberLedger(SurchargeCalculator calculator, List<BillEntry> bills, List<ChargeEntry> charges,
                            List<AllocationEntry> allocations) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        bills.stream().sorted(Comparator.comparing(BillEntry::dueDate).thenComparingLong(BillEntry::billId))
                .forEach(b -> this.bills.put(b.billId(), b));
        this.charges.addAll(charges);
        this.allocations.addAll(allocations);
    }

    /**
     * The ledger from stored postings: the subscriber's bills in force, the surcharge charged on them and its
     * payments with their allocation rows. With {@code day}, as it stood at the end of that day: payments, rows and
     * charges dated later are left out, and a payment reversed later still counts as in force.
     *
     * @param day the business day to look from; null for everything posted
     */
    public static SubscriberLedger of(SurchargeCalculator calculator, List<BillEntry> bills,
                                      List<SurchargeCharge> charges, List<Payment> payments, LocalDate day) {
        Set<Long> reversed = new java.util.HashSet<>();
        for (Payment p : payments) {
            if (p.isReversal() && onOrBefore(p.businessDay(), day)) {
                reversed.add(p.getReversesPaymentId());
            }
        }
        List<AllocationEntry> rows = new ArrayList<>();
        for (Payment p : payments) {
            if (!onOrBefore(p.businessDay(), day)) {
                continue;
            }
            boolean inForce = !p.isReversal() && !reversed.contains(p.getId());
            long id = p.getId() == null ? -1 : p.getId();
            for (PaymentAllocation a : p.getAllocations()) {
                LocalDate on = a.getAllocatedOn() != null ? a.getAllocatedOn() : p.businessDay();
                if (onOrBefore(on, day)) {
                    rows.add(new AllocationEntry(id, a.getBillId(), a.getKind(), a.getAmount(), on, inForce));
                }
            }
        }
        List<ChargeEntry> charged = charges.stream().filter(c -> onOrBefore(c.getChargedOn(), day))
                .map(c -> new ChargeEntry(c.getBillId(), c.getChargedOn(), c.getAmount())).toList();
        return new SubscriberLedger(calculator, bills, charged, rows);
    }

    private static boolean onOrBefore(LocalDate on, LocalDate day) {
        return day == null || !on.isAfter(day);
    }

    /** The bills with something to pay on {@code asOf}, oldest first. */
    public List<OpenBill> openBills(LocalDate asOf) {
        List<OpenBill> open = new ArrayList<>();
        for (BillEntry b : bills.values()) {
            Money principal = openPrincipal(b.billId());
            Money surcharge = openSurcharge(b.billId()).plus(uncharged(b.billId(), asOf));
            if (principal.isPositive() || surcharge.isPositive()) {
                open.add(new OpenBill(b.billId(), b.billNo(), b.period(), b.dueDate(), principal.max(Money.ZERO),
                        surcharge.max(Money.ZERO)));
            }
        }
        return open;
    }

    public List<OpenItem> openItems(LocalDate asOf) {
        return openBills(asOf).stream().map(OpenBill::item).toList();
    }

    /** What the bills ask on {@code asOf}: open principal and surcharge due, summed. */
    public Money debt(LocalDate asOf) {
        return openBills(asOf).stream().map(OpenBill::total).reduce(Money.ZERO, Money::plus);
    }

    public boolean hasBill(long billId) {
        return bills.containsKey(billId);
    }

    public BillEntry bill(long billId) {
        return bills.get(billId);
    }

    public Money openPrincipal(long billId) {
        return bills.get(billId).total().minus(allocated(billId, AllocationKind.PRINCIPAL));
    }

    public Money surchargeCharged(long billId) {
        return charges.stream().filter(c -> c.billId() == billId).map(ChargeEntry::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    /** Charged and not paid. */
    public Money openSurcharge(long billId) {
        return surchargeCharged(billId).minus(allocated(billId, AllocationKind.SURCHARGE));
    }

    /** What the calculator says the bill has accrued by {@code asOf}, charged or not. */
    public Money surchargeAccrued(long billId, LocalDate asOf) {
        BillEntry b = bills.get(billId);
        return calculator.surcharge(b.total(), b.dueDate(), principalPaid(billId), asOf);
    }

    /** Accrued by {@code asOf} and not charged yet (never below zero). */
    public Money uncharged(long billId, LocalDate asOf) {
        return surchargeAccrued(billId, asOf).minus(surchargeCharged(billId)).max(Money.ZERO);
    }

    /** The subscriber's unspent credit. */
    public Money credit() {
        return allocations.stream().filter(a -> a.kind() == AllocationKind.CREDIT).map(AllocationEntry::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    /** The latest business day of anything posted for the subscriber (null when nothing was). */
    public LocalDate lastPosting() {
        LocalDate last = null;
        for (ChargeEntry c : charges) {
            last = later(last, c.on());
        }
        for (AllocationEntry a : allocations) {
            last = later(last, a.on());
        }
        return last;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    /**
     * Charges every bill the lines reach with the surcharge it accrued by {@code on} and not charged yet; records
     * the charges here and returns them (to be posted).
     */
    public List<ChargeEntry> charge(List<AllocationLine> lines, LocalDate on) {
        Set<Long> reached = new LinkedHashSet<>();
        lines.stream().filter(l -> l.billId() != null).forEach(l -> reached.add(l.billId()));
        List<ChargeEntry> posted = new ArrayList<>();
        for (long billId : reached) {
            Money fresh = uncharged(billId, on);
            if (fresh.isPositive()) {
                ChargeEntry c = new ChargeEntry(billId, on, fresh);
                charges.add(c);
                posted.add(c);
            }
        }
        return posted;
    }

    /** Records an allocation row posted meanwhile. */
    public void record(AllocationEntry row) {
        allocations.add(row);
    }

    private List<PrincipalPayment> principalPaid(long billId) {
        List<PrincipalPayment> paid = new ArrayList<>();
        for (AllocationEntry a : allocations) {
            if (a.inForce() && a.kind() == AllocationKind.PRINCIPAL && Long.valueOf(billId).equals(a.billId())) {
                paid.add(new PrincipalPayment(a.on(), a.amount()));
            }
        }
        return paid;
    }

    private Money allocated(long billId, AllocationKind kind) {
        Money sum = Money.ZERO;
        for (AllocationEntry a : allocations) {
            if (a.kind() == kind && Long.valueOf(billId).equals(a.billId())) {
                sum = sum.plus(a.amount());
            }
        }
        return sum;
    }
}
