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

/** Part of a payment spent on a bill's surcharge or principal, or kept as credit (no bill). */
@Entity
@Table(name = "payment_allocation")
public class PaymentAllocation extends AbstractEntity {

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

    protected PaymentAllocation() {
    }

    PaymentAllocation(Payment payment, Long billId, AllocationKind kind, Money amount) {
        if ((kind == AllocationKind.CREDIT) != (billId == null)) {
            throw new IllegalArgumentException("credit has no bill; principal and surcharge have one");
        }
        this.payment = payment;
        this.billId = billId;
        this.kind = kind;
        this.amount = amount;
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
