package org.sutahsilat.domain.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.sutahsilat.domain.shared.AbstractEntity;
import org.sutahsilat.domain.shared.Money;

import java.math.BigDecimal;

/** One line of a bill, already rounded half-up to the kuruş. */
@Entity
@Table(name = "bill_line")
public class BillLine extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "bill_id", nullable = false, updatable = false)
    private Bill bill;
    @Column(nullable = false)
    private int seq;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BillLineKind kind;
    @Column(nullable = false)
    private String description;
    private BigDecimal quantity;
    @Column(name = "unit_price")
    private BigDecimal unitPrice;
    @Column(nullable = false)
    private Money amount;
    @Column(name = "kdv_rate", nullable = false)
    private BigDecimal kdvRate;

    protected BillLine() {
    }

    BillLine(Bill bill, int seq, BillLineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice,
             Money amount, BigDecimal kdvRate) {
        this.bill = bill;
        this.seq = seq;
        this.kind = kind;
        this.description = description;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.amount = amount;
        this.kdvRate = kdvRate == null ? BigDecimal.ZERO : kdvRate;
    }

    public int getSeq() {
        return seq;
    }

    public BillLineKind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public Money getAmount() {
        return amount;
    }

    public BigDecimal getKdvRate() {
        return kdvRate;
    }
}
