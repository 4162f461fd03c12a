package org.sutahsilat.domain.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.tenant.TenantOwned;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Gecikme zammı posted on a bill: the surcharge it had accrued by {@code chargedOn} and that had not been charged yet,
 * posted when money (a payment, or credit being spent) reaches the bill. It is the accrual that the SURCHARGE rows of
 * payments pay, so the ledger balances. Never edited; a reversed payment leaves its charges in place (they were owed
 * that day) and only makes them unpaid again.
 */
@Entity
@Table(name = "surcharge_charge")
public class SurchargeCharge extends TenantOwned {

    @Column(name = "subscriber_id", nullable = false, updatable = false)
    private Long subscriberId;
    @Column(name = "bill_id", nullable = false, updatable = false)
    private Long billId;
    @Column(name = "charged_on", nullable = false, updatable = false)
    private LocalDate chargedOn;
    @Column(nullable = false, updatable = false)
    private Money amount;
    @Column(name = "payment_id", updatable = false)
    private Long paymentId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SurchargeCharge() {
    }

    private SurchargeCharge(long institutionId) {
        super(institutionId);
    }

    public static SurchargeCharge post(long institutionId, long subscriberId, long billId, LocalDate on, Money amount,
                                       Long paymentId, Instant now) {
        if (!amount.isPositive()) {
            throw new DomainException("error.surcharge.chargeNotPositive", "a surcharge charge must be positive: "
                    + amount, amount);
        }
        SurchargeCharge c = new SurchargeCharge(institutionId);
        c.subscriberId = subscriberId;
        c.billId = billId;
        c.chargedOn = on;
        c.amount = amount;
        c.paymentId = paymentId;
        c.createdAt = now;
        return c;
    }

    public Long getSubscriberId() {
        return subscriberId;
    }

    public Long getBillId() {
        return billId;
    }

    public LocalDate getChargedOn() {
        return chargedOn;
    }

    public Money getAmount() {
        return amount;
    }

    public Long getPaymentId() {
        return paymentId;
    }
}
