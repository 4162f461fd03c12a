package org.sutahsilat.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.billing.BillBalance;
import org.sutahsilat.domain.billing.BillRepository;
import org.sutahsilat.domain.billing.PortalBill;
import org.sutahsilat.domain.billing.PublicBill;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.subscriber.PersonalDataMasking;
import org.sutahsilat.domain.tenant.TenantContext;
import org.sutahsilat.domain.tenant.TenantScope;

import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the page a printed bill's QR code opens shows: the bill, whose it is (masked), what is still open on it and,
 * while it is open, the late-payment surcharge due on it today. The busiest public page, so it reads only that one
 * bill: the bill with its subscriber and institution in one query, then the allocation rows and surcharge charges on
 * that bill alone in another, and applies the ledger's rules ({@link SubscriberLedger}) to them. The rest of the subscriber's
 * ledger does not change what one bill owes: its principal is its total less the principal rows on it, and its
 * surcharge accrues on that principal alone. One read transaction, so the page sees the bill and its rows as of one
 * moment; plain reads, so a crowd of phones never waits for a posting nor holds one up.
 */
@ApplicationScoped
@Transactional
public class QrBillService {

    private BillRepository bills;
    private PaymentRepository payments;
    private TenantContext tenant;
    private Clock clock;

    protected QrBillService() {
    }

    @Inject
    public QrBillService(BillRepository bills, PaymentRepository payments, TenantContext tenant, Clock clock) {
        this.bills = bills;
        this.payments = payments;
        this.tenant = tenant;
        this.clock = clock;
    }

    /**
     * The bill of a verified QR token if the public may see it: the institution is active and the bill in force (a
     * reversed bill's QR shows nothing). Narrows the tenant scope to the token's institution. Without its ledger:
     * enough for the bill's PDF.
     */
    public Optional<PublicBill> bill(long institutionId, long billId) {
        tenant.set(TenantScope.of(institutionId));
        return bills.publicBill(institutionId, billId);
    }

    /** The page of the bill of a verified QR token, or empty (the rules of {@link #bill}). */
    public Optional<QrBill> page(long institutionId, long billId) {
        Optional<PublicBill> found = bill(institutionId, billId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PublicBill b = found.get();
        SubscriberLedger.BillRows rows = payments.billRows(institutionId, billId);
        BillBalance balance = new BillBalance(billId, b.billNo(), b.period(), b.dueDate(), b.consumptionM3(),
                b.total(), rows.principalPaid());
        PortalBill bill = new PortalBill(institutionId, b.institutionName(), b.subscriberId(), b.subscriberNo(),
                PersonalDataMasking.name(b.subscriberName()), balance);
        if (!balance.isOpen()) {
            return Optional.of(new QrBill(bill, Money.ZERO));
        }
        SubscriberLedger ledger = new SubscriberLedger(payments.surchargeCalculator(b.surchargePolicy()),
                List.of(new SubscriberLedger.BillEntry(billId, b.billNo(), b.period(), b.dueDate(), b.total())),
                rows.charges(), rows.allocations());
        Money surcharge = ledger.openBills(Payment.today(clock)).stream().map(OpenBill::surchargeDue).findFirst()
                .orElse(Money.ZERO);
        return Optional.of(new QrBill(bill, surcharge));
    }

    /** A bill page: the bill and the surcharge due on it today (zero once paid). */
    public record QrBill(PortalBill bill, Money surchargeDue) implements Serializable {

        /** What paying this bill in full costs today. */
        public Money toPay() {
            return bill.balance().open().plus(surchargeDue);
        }
    }
}
