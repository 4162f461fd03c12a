package org.sutahsilat.domain.payment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.tenant.TenantOwned;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Tahsilat: money received from a subscriber, and how it was allocated. Never edited or deleted: a mistake is
 * cancelled by a reversal payment with the negated amount and allocations.
 */
@Entity
@Table(name = "payment")
public class Payment extends TenantOwned {

    /** Business days (received on, due dates) are days in Türkiye. */
    public static final java.time.ZoneId BUSINESS_ZONE = java.time.ZoneId.of("Europe/Istanbul");

    @Column(name = "subscriber_id", nullable = false, updatable = false)
    private Long subscriberId;
    @Column(nullable = false, updatable = false)
    private Money amount;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentChannel channel;
    @Column(name = "paid_at", nullable = false, updatable = false)
    private Instant paidAt;
    /** The business day of the payment (what its surcharge is computed for); null on rows loaded by raw SQL. */
    @Column(name = "received_on", updatable = false)
    private LocalDate receivedOn;
    @Column(name = "receipt_no", nullable = false, updatable = false)
    private String receiptNo;
    @Column(name = "external_ref", updatable = false)
    private String externalRef;
    /** The key of the form (or of the card attempt) that submitted this payment: one payment per key. */
    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;
    /** The reason of a reversal. */
    @Column(updatable = false)
    private String note;
    /** The subscriber's open debt and unspent credit right after this payment was posted (printed on the receipt). */
    @Column(name = "debt_after", updatable = false)
    private Money debtAfter;
    @Column(name = "credit_after", updatable = false)
    private Money creditAfter;
    @Column(name = "received_by", updatable = false)
    private Long receivedBy;
    @Column(name = "reverses_payment_id", updatable = false)
    private Long reversesPaymentId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @OneToMany(mappedBy = "payment", cascade = CascadeType.PERSIST)
    @OrderBy("seq ASC, id ASC")
    private List<PaymentAllocation> allocations = new ArrayList<>();

    protected Payment() {
    }

    private Payment(long institutionId) {
        super(institutionId);
    }

    public static Payment receive(long institutionId, long subscriberId, Money amount, PaymentChannel channel,
                                  Instant paidAt, String receiptNo, String externalRef, Long receivedBy, Instant now) {
        return receive(institutionId, subscriberId, amount, channel, null, paidAt, receiptNo, externalRef, receivedBy,
                null, now);
    }

    /**
     * Money received on the business day {@code receivedOn}; its allocation rows are dated that day.
     *
     * @param idempotencyKey the submitting form's (or card attempt's) key, unique per institution; may be null
     */
    public static Payment receive(long institutionId, long subscriberId, Money amount, PaymentChannel channel,
                                  LocalDate receivedOn, Instant paidAt, String receiptNo, String externalRef,
                                  Long receivedBy, String idempotencyKey, Instant now) {
        if (!amount.isPositive()) {
            throw new DomainException("error.payment.amount", "a payment must be positive: " + amount, amount);
        }
        Payment p = new Payment(institutionId);
        p.subscriberId = subscriberId;
        p.amount = amount;
        p.channel = channel;
        p.paidAt = paidAt;
        p.receivedOn = receivedOn;
        p.receiptNo = receiptNo;
        p.externalRef = externalRef;
        p.receivedBy = receivedBy;
        p.idempotencyKey = idempotencyKey;
        p.createdAt = now;
        return p;
    }

    public Payment allocate(Long billId, AllocationKind kind, Money part) {
        Money allocated = allocations.stream().map(PaymentAllocation::getAmount).reduce(Money.ZERO, Money::plus);
        if (allocated.plus(part).abs().compareTo(amount.abs()) > 0) {
            throw new DomainException("error.payment.overAllocated", "allocations exceed the payment " + receiptNo,
                    receiptNo);
        }
        allocations.add(new PaymentAllocation(this, billId, kind, part, receivedOn));
        return this;
    }

    /**
     * Spends part of this payment's unspent credit on a bill (a later bill consuming an earlier overpayment): two
     * rows, {@code −part} CREDIT and {@code +part} of {@code kind} on the bill, so the allocations still sum to the
     * payment's amount and {@link #reverse} takes the bill's share back too.
     */
    public Payment applyCredit(Long billId, AllocationKind kind, Money part) {
        return applyCredit(billId, kind, part, null);
    }

    /** {@link #applyCredit(Long, AllocationKind, Money)} with both rows dated {@code on}, the day it is spent. */
    public Payment applyCredit(Long billId, AllocationKind kind, Money part, LocalDate on) {
        if (billId == null || kind == AllocationKind.CREDIT || !part.isPositive()) {
            throw new IllegalArgumentException("credit is spent as a positive surcharge or principal on a bill");
        }
        if (part.compareTo(creditBalance()) > 0) {
            throw new DomainException("error.payment.creditExceeded",
                    "payment " + receiptNo + " has only " + creditBalance() + " credit, not " + part, receiptNo, part);
        }
        allocations.add(new PaymentAllocation(this, null, AllocationKind.CREDIT, part.negate(), on));
        allocations.add(new PaymentAllocation(this, billId, kind, part, on));
        return this;
    }

    int rowCount() {
        return allocations.size();
    }

    /** What of this payment is still unspent credit (its CREDIT rows summed). */
    public Money creditBalance() {
        return allocations.stream().filter(a -> a.getKind() == AllocationKind.CREDIT)
                .map(PaymentAllocation::getAmount).reduce(Money.ZERO, Money::plus);
    }

    /** The compensating entry that cancels this payment: negated amount and allocations. */
    public Payment reverse(String reversalReceiptNo, Long by, Instant now) {
        return reverse(reversalReceiptNo, null, null, by, now);
    }

    /** The compensating entry, posted on the business day {@code on} (its rows dated that day), with the reason. */
    public Payment reverse(String reversalReceiptNo, LocalDate on, String reason, Long by, Instant now) {
        if (reversesPaymentId != null) {
            throw new DomainException("error.payment.notReversible", "a reversal cannot be reversed: " + receiptNo,
                    receiptNo);
        }
        Payment r = new Payment(getInstitutionId());
        r.subscriberId = subscriberId;
        r.amount = amount.negate();
        r.channel = channel;
        r.paidAt = now;
        r.receivedOn = on;
        r.note = reason;
        r.receiptNo = reversalReceiptNo;
        r.receivedBy = by;
        r.reversesPaymentId = getId();
        r.createdAt = now;
        for (PaymentAllocation a : getAllocations()) {
            r.allocations.add(new PaymentAllocation(r, a.getBillId(), a.getKind(), a.getAmount().negate(), on));
        }
        return r;
    }

    /** Records the subscriber's open debt and credit right after this payment (before it is persisted). */
    public Payment balanceAfter(Money debt, Money credit) {
        if (getId() != null) {
            throw new DomainException("error.payment.posted", "a posted payment cannot be changed: " + receiptNo,
                    receiptNo);
        }
        this.debtAfter = debt;
        this.creditAfter = credit;
        return this;
    }

    public boolean isReversal() {
        return reversesPaymentId != null;
    }

    /**
     * A receipt number: the institution's code, {@code -M}, the year, {@code -} and the year's sequence in at least six
     * digits ({@code KOY01-M2026-000042}). Built by hand: it is taken under the subscriber's lock at every posting, and
     * {@code String.format} parses its pattern each time (and would print the default locale's digits).
     */
    public static String receiptNo(String institutionCode, int year, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("a receipt sequence starts at 1: " + sequence);
        }
        String digits = Long.toString(sequence);
        StringBuilder no = new StringBuilder(institutionCode.length() + 16).append(institutionCode).append("-M")
                .append(year).append('-');
        for (int i = digits.length(); i < 6; i++) {
            no.append('0');
        }
        return no.append(digits).toString();
    }

    /** Today's business day: the calendar day in Türkiye, whatever zone the clock is in (UTC in production). */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), BUSINESS_ZONE);
    }

    /** The business day: {@code received_on}, or for rows without it the day of {@code paid_at} in Türkiye. */
    public LocalDate businessDay() {
        return receivedOn != null ? receivedOn : paidAt.atZone(BUSINESS_ZONE).toLocalDate();
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public Long getReceivedBy() {
        return receivedBy;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getNote() {
        return note;
    }

    public Money getDebtAfter() {
        return debtAfter;
    }

    public Money getCreditAfter() {
        return creditAfter;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getSubscriberId() {
        return subscriberId;
    }

    public Money getAmount() {
        return amount;
    }

    public PaymentChannel getChannel() {
        return channel;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public Long getReversesPaymentId() {
        return reversesPaymentId;
    }

    /** The rows in the order they were posted. */
    public List<PaymentAllocation> getAllocations() {
        List<PaymentAllocation> rows = new ArrayList<>(allocations);
        rows.sort(PaymentAllocation.POSTING_ORDER);
        return List.copyOf(rows);
    }
}
