package org.sutahsilat.domain.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.sutahsilat.domain.shared.AbstractEntity;
import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;
import java.util.Comparator;

/** Part of a payment spent on a bill's surcharge or principal, or kept as credit (no bill). */
@Entity
@Table(name = "payment_allocation")
public class PaymentAllocation extends AbstractEntity {

    /** By {@code seq} (rows written before it existed first, by id). */
    static final Comparator<PaymentAllocation> POSTING_ORDER = Comparator
            .comparing((PaymentAllocation a) -> a.seq, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AbstractEntity::getId, Comparator.nullsLast(Comparator.naturalOrder()));

    @ManyToOne(optional = false)
    @JoinColumn(name = "payment_id", nullable = false, updatable = false)
    private Payment payment;
    @Column(name = "bill_id", updatable = false)
    private Long billId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AllocationKind kind;
    @Column(nullable = false, updatable = false)
    private Money amount;
    /** The business day the row was posted (credit spent later: that day); null on rows loaded by raw SQL. */
    @Column(name = "allocated_on", updatable = false)
    private LocalDate allocatedOn;
    /** The row's place within its payment (1, 2, …). */
    @Column(updatable = false)
    private Integer seq;

    protected PaymentAllocation() {
    }

    PaymentAllocation(Payment payment, Long billId, AllocationKind kind, Money amount, LocalDate allocatedOn) {
        if ((kind == AllocationKind.CREDIT) != (billId == null)) {
            throw new IllegalArgumentException("credit has no bill; principal and surcharge have one");
        }
        this.payment = payment;
        this.billId = billId;
        this.kind = kind;
        this.amount = amount;
        this.allocatedOn = allocatedOn;
        this.seq = payment.rowCount() + 1;
    }

    public Payment getPayment() {
        return payment;
    }

    public LocalDate getAllocatedOn() {
        return allocatedOn;
    }

    public Long getBillId() {
        return billId;
    }

    public AllocationKind getKind() {
        return kind;
    }

    public Money getAmount() {
        return amount;
    }
}
