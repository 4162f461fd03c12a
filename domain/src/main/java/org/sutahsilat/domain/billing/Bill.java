package org.sutahsilat.domain.billing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.tenant.TenantOwned;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fatura: the accrual of one subscriber for one period. Its total is the sum of its rounded lines. Never edited
 * once issued: a wrong bill is cancelled by {@link #reverse} and a new bill is issued.
 */
@Entity
@Table(name = "bill")
public class Bill extends TenantOwned {

    @Column(name = "subscriber_id", nullable = false, updatable = false)
    private Long subscriberId;
    @Column(name = "payment_code", updatable = false, length = 12)
    private PaymentCode paymentCode;
    @Column(name = "bill_no", nullable = false, updatable = false, length = 30)
    private String billNo;
    @Column(nullable = false, updatable = false, length = 7)
    private BillingPeriod period;
    @Column(name = "billing_run_id", updatable = false)
    private Long billingRunId;
    @Column(name = "reading_id", updatable = false)
    private Long readingId;
    @Column(name = "issue_date", nullable = false, updatable = false)
    private LocalDate issueDate;
    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;
    @Column(name = "consumption_m3", nullable = false, updatable = false)
    private long consumptionM3;
    @Column(nullable = false, updatable = false)
    private Money total;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BillStatus status;
    @Column(name = "reverses_bill_id", updatable = false)
    private Long reversesBillId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @OneToMany(mappedBy = "bill", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    private List<BillLine> lines = new ArrayList<>();

    protected Bill() {
    }

    private Bill(long institutionId) {
        super(institutionId);
    }

    /** A new bill; add its lines with {@link #addLine} before it is persisted. */
    public static Bill issue(long institutionId, long subscriberId, String billNo, BillingPeriod period, Long billingRunId,
                             Long readingId, LocalDate issueDate, LocalDate dueDate, CubicMeters consumption,
                             Instant now) {
        Bill b = new Bill(institutionId);
        b.subscriberId = subscriberId;
        b.billNo = billNo;
        b.period = period;
        b.billingRunId = billingRunId;
        b.readingId = readingId;
        b.issueDate = issueDate;
        b.dueDate = dueDate;
        b.consumptionM3 = consumption.value();
        b.total = Money.ZERO;
        b.status = BillStatus.ISSUED;
        b.createdAt = now;
        return b;
    }

    public Bill addLine(BillLineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice, Money amount,
                        BigDecimal kdvRate) {
        if (getId() != null) {
            throw new DomainException("error.bill.posted", "a posted bill cannot be changed: " + billNo, billNo);
        }
        lines.add(new BillLine(this, lines.size() + 1, kind, description, quantity, unitPrice, amount, kdvRate));
        total = total.plus(amount);
        return this;
    }

    /** Prints the subscriber's payment code (what the portal asks for) on this bill; only before it is posted. */
    public Bill printPaymentCode(PaymentCode code) {
        if (getId() != null) {
            throw new DomainException("error.bill.posted", "a posted bill cannot be changed: " + billNo, billNo);
        }
        this.paymentCode = code;
        return this;
    }

    /** Cancels this bill with a negative copy of its lines; this bill becomes REVERSED. */
    public Bill reverse(String reversalBillNo, LocalDate on, Instant now) {
        if (status != BillStatus.ISSUED) {
            throw new DomainException("error.bill.notReversible", "bill " + billNo + " cannot be reversed", billNo);
        }
        Bill r = issue(getInstitutionId(), subscriberId, reversalBillNo, period, null, readingId, on, on,
                CubicMeters.of(consumptionM3), now);
        for (BillLine line : lines) {
            r.addLine(line.getKind(), line.getDescription(), line.getQuantity(), line.getUnitPrice(),
                    line.getAmount().negate(), line.getKdvRate());
        }
        r.paymentCode = paymentCode;
        r.status = BillStatus.REVERSAL;
        r.reversesBillId = getId();
        status = BillStatus.REVERSED;
        return r;
    }

    public Long getSubscriberId() {
        return subscriberId;
    }

    /** The payment code printed on the bill; null on bills issued before codes were printed. */
    public PaymentCode getPaymentCode() {
        return paymentCode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getBillNo() {
        return billNo;
    }

    public BillingPeriod getPeriod() {
        return period;
    }

    public Long getBillingRunId() {
        return billingRunId;
    }

    public Long getReadingId() {
        return readingId;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public long getConsumptionM3() {
        return consumptionM3;
    }

    public Money getTotal() {
        return total;
    }

    public BillStatus getStatus() {
        return status;
    }

    public Long getReversesBillId() {
        return reversesBillId;
    }

    public List<BillLine> getLines() {
        return List.copyOf(lines);
    }
}
