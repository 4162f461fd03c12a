package org.sutahsilat.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.billing.PortalBill;
import org.sutahsilat.domain.billing.PortalLookupService;
import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.util.Optional;

/**
 * What the page a printed bill's QR code opens shows: the bill ({@link PortalLookupService#bill}) and, while it is
 * open, the late-payment surcharge due on it today from the subscriber's ledger. One read transaction, so the page
 * takes one pooled connection and sees the bill and the ledger as of the same moment.
 */
@ApplicationScoped
@Transactional
public class QrBillService {

    private PortalLookupService portal;
    private PaymentService payments;

    protected QrBillService() {
    }

    @Inject
    public QrBillService(PortalLookupService portal, PaymentService payments) {
        this.portal = portal;
        this.payments = payments;
    }

    /** The bill of a verified QR token, or empty (same rules as {@link PortalLookupService#bill}). */
    public Optional<QrBill> page(long institutionId, long billId) {
        return portal.bill(institutionId, billId).map(bill -> {
            if (!bill.balance().isOpen()) {
                return new QrBill(bill, Money.ZERO);
            }
            // portal.bill narrowed the tenant scope to the bill's institution
            Money surcharge = payments.account(bill.institutionId(), bill.subscriberNo()).openBills().stream()
                    .filter(b -> b.billId() == billId).map(OpenBill::surchargeDue).findFirst().orElse(Money.ZERO);
            return new QrBill(bill, surcharge);
        });
    }

    /** A bill page: the bill and the surcharge due on it today (zero once paid). */
    public record QrBill(PortalBill bill, Money surchargeDue) implements Serializable {

        /** What paying this bill in full costs today. */
        public Money toPay() {
            return bill.balance().open().plus(surchargeDue);
        }
    }
}
