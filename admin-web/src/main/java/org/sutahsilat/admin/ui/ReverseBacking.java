package org.sutahsilat.admin.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.admin.security.CurrentUser;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.domain.payment.PaymentService;
import org.sutahsilat.domain.shared.DomainException;

import java.io.Serializable;

/**
 * reverse.xhtml?payment=ID: shows a payment of the user's institutions and reverses it with a reason (a
 * compensating entry; OPERATOR or COMPANY_ADMIN, checked by the service). Another institution's payment is "not
 * found".
 */
@Named
@ViewScoped
public class ReverseBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PaymentService paymentService;

    private Long paymentId;
    private ReceiptDocument payment;
    private ReceiptDocument reversal;
    private String reason;

    /**
     * The view action: loads the payment named in the URL. A missing one (or another institution's) is shown by the
     * page ({@link #isNotFound()}): a message added here, before the view's locale is set, would be in the server's
     * language.
     */
    public void load() {
        payment = null;
        if (paymentId == null) {
            return;
        }
        try {
            payment = paymentService.receipt(paymentId);
        } catch (DomainException e) {
            payment = null;
        }
    }

    public boolean isNotFound() {
        return payment == null && reversal == null;
    }

    /** "İptal et": records the reversal and shows its receipt. */
    public void reverse() {
        if (payment == null) {
            Messages.error("error.notFound");
            return;
        }
        try {
            reversal = paymentService.reverse(payment.paymentId(), reason, CurrentUser.get().orElse(null));
            payment = paymentService.receipt(payment.paymentId());
        } catch (DomainException e) {
            Messages.error(e.messageKey(), e.arguments());
        }
    }

    public Long getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(Long paymentId) {
        this.paymentId = paymentId;
    }

    public ReceiptDocument getPayment() {
        return payment;
    }

    public ReceiptDocument getReversal() {
        return reversal;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
