package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides how money pays a subscriber's open debt (domain.md, "Money in, money out"): the oldest bill first, and of
 * each bill its surcharge before its principal, then the next bill; what is left of a payment becomes credit.
 * Pure: it plans {@link AllocationLine}s; {@link #post} and {@link #postCreditTransfer} write them on a
 * {@link Payment}.
 *
 * <p>Credit (an earlier overpayment) is spent by {@link #allocateCredit} with the same order. It is written on the
 * payment that left the credit as pairs of rows, −CREDIT and +SURCHARGE/PRINCIPAL of the same amount
 * ({@link Payment#applyCredit}), so a payment's allocations always sum to its amount, and reversing that payment
 * also takes back what its credit paid.
 */
public final class PaymentAllocator {

    private final Comparator<OpenItem> order;

    /** Oldest debt first, the rule of domain.md. */
    public PaymentAllocator() {
        this(OpenItem.OLDEST_FIRST);
    }

    /** Another order, for an institution that chooses one. */
    public PaymentAllocator(Comparator<OpenItem> order) {
        this.order = Objects.requireNonNull(order, "order");
    }

    /** Spends a payment: the lines sum exactly to {@code amount}; a remainder is one CREDIT line at the end. */
    public List<AllocationLine> allocate(Money amount, List<OpenItem> items) {
        if (!amount.isPositive()) {
            throw new DomainException("error.payment.amount", "a payment must be positive: " + amount, amount);
        }
        List<AllocationLine> lines = new ArrayList<>();
        Money left = spend(amount, items, lines);
        if (left.isPositive()) {
            lines.add(AllocationLine.credit(left));
        }
        return Collections.unmodifiableList(lines);
    }

    /** Spends available credit on open items; what cannot be spent stays credit (no line for it). */
    public List<AllocationLine> allocateCredit(Money credit, List<OpenItem> items) {
        if (credit.isNegative()) {
            throw new DomainException("error.payment.negativeCredit", "credit cannot be negative: " + credit, credit);
        }
        List<AllocationLine> lines = new ArrayList<>();
        spend(credit, items, lines);
        return Collections.unmodifiableList(lines);
    }

    private Money spend(Money amount, List<OpenItem> items, List<AllocationLine> lines) {
        List<OpenItem> sorted = new ArrayList<>(items);
        sorted.sort(order);
        Money left = amount;
        for (OpenItem item : sorted) {
            if (!left.isPositive()) {
                break;
            }
            left = take(left, item.billId(), AllocationKind.SURCHARGE, item.surchargeDue(), lines);
            left = take(left, item.billId(), AllocationKind.PRINCIPAL, item.openPrincipal(), lines);
        }
        return left;
    }

    private static Money take(Money left, long billId, AllocationKind kind, Money open, List<AllocationLine> lines) {
        Money part = left.min(open);
        if (!part.isPositive()) {
            return left;
        }
        lines.add(new AllocationLine(billId, kind, part));
        return left.minus(part);
    }

    /** Writes planned lines as the allocations of a new payment. */
    public static Payment post(Payment payment, List<AllocationLine> lines) {
        for (AllocationLine line : lines) {
            payment.allocate(line.billId(), line.kind(), line.amount());
        }
        return payment;
    }

    /** Writes lines planned by {@link #allocateCredit} on the payment whose credit they spend. */
    public static Payment postCreditTransfer(Payment creditSource, List<AllocationLine> lines) {
        for (AllocationLine line : lines) {
            creditSource.applyCredit(line.billId(), line.kind(), line.amount());
        }
        return creditSource;
    }
}
