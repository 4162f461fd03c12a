package org.sutahsilat.domain.payment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.tenant.TenantOwned;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tahsilat: money received from a subscriber, and how it was allocated. Never edited or deleted: a mistake is
 * cancelled by a reversal payment with the negated amount and allocations.
 */
@Entity
@Table(name = "payment")
public class Payment extends TenantOwned {

    @Column(name = "subscriber_id", nullable = false, updatable = false)
    private Long subscriberId;
    @Column(nullable = false, updatable = false)
    private Money amount;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentChannel channel;
    @Column(name = "paid_at", nullable = false, updatable = false)
    private Instant paidAt;
    @Column(name = "receipt_no", nullable = false, updatable = false)
    private String receiptNo;
    @Column(name = "external_ref", updatable = false)
    private String externalRef;
    @Column(name = "received_by", updatable = false)
    private Long receivedBy;
    @Column(name = "reverses_payment_id", updatable = false)
    private Long reversesPaymentId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @OneToMany(mappedBy = "payment", cascade = CascadeType.PERSIST)
    private List<PaymentAllocation> allocations = new ArrayList<>();

    protected Payment() {
    }

    private Payment(long institutionId) {
        super(institutionId);
    }

    public static Payment receive(long institutionId, long subscriberId, Money amount, PaymentChannel channel,
                                  Instant paidAt, String receiptNo, String externalRef, Long receivedBy, Instant now) {
        if (!amount.isPositive()) {
            throw new DomainException("error.payment.amount", "a payment must be positive: " + amount, amount);
        }
        Payment p = new Payment(institutionId);
        p.subscriberId = subscriberId;
        p.amount = amount;
        p.channel = channel;
        p.paidAt = paidAt;
        p.receiptNo = receiptNo;
        p.externalRef = externalRef;
        p.receivedBy = receivedBy;
        p.createdAt = now;
        return p;
    }

    public Payment allocate(Long billId, AllocationKind kind, Money part) {
        Money allocated = allocations.stream().map(PaymentAllocation::getAmount).reduce(Money.ZERO, Money::plus);
        if (allocated.plus(part).abs().compareTo(amount.abs()) > 0) {
            throw new DomainException("error.payment.overAllocated", "allocations exceed the payment " + receiptNo,
                    receiptNo);
        }
        allocations.add(new PaymentAllocation(this, billId, kind, part));
        return this;
    }

    /**
     * Spends part of this payment's unspent credit on a bill (a later bill consuming an earlier overpayment): two
     * rows, {@code −part} CREDIT and {@code +part} of {@code kind} on the bill, so the allocations still sum to the
     * payment's amount and {@link #reverse} takes the bill's share back too.
     */
    public Payment applyCredit(Long billId, AllocationKind kind, Money part) {
        if (billId == null || kind == AllocationKind.CREDIT || !part.isPositive()) {
            throw new IllegalArgumentException("credit is spent as a positive surcharge or principal on a bill");
        }
        if (part.compareTo(creditBalance()) > 0) {
            throw new DomainException("error.payment.creditExceeded",
                    "payment " + receiptNo + " has only " + creditBalance() + " credit, not " + part, receiptNo, part);
        }
        allocations.add(new PaymentAllocation(this, null, AllocationKind.CREDIT, part.negate()));
        allocations.add(new PaymentAllocation(this, billId, kind, part));
        return this;
    }

    /** What of this payment is still unspent credit (its CREDIT rows summed). */
    public Money creditBalance() {
        return allocations.stream().filter(a -> a.getKind() == AllocationKind.CREDIT)
                .map(PaymentAllocation::getAmount).reduce(Money.ZERO, Money::plus);
    }

    /** The compensating entry that cancels this payment: negated amount and allocations. */
    public Payment reverse(String reversalReceiptNo, Long by, Instant now) {
        Payment r = new Payment(getInstitutionId());
        r.subscriberId = subscriberId;
        r.amount = amount.negate();
        r.channel = channel;
        r.paidAt = now;
        r.receiptNo = reversalReceiptNo;
        r.receivedBy = by;
        r.reversesPaymentId = getId();
        r.createdAt = now;
        for (PaymentAllocation a : allocations) {
            r.allocations.add(new PaymentAllocation(r, a.getBillId(), a.getKind(), a.getAmount().negate()));
        }
        return r;
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

    public List<PaymentAllocation> getAllocations() {
        return List.copyOf(allocations);
    }
}
