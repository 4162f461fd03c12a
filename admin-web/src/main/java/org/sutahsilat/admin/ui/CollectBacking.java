package org.sutahsilat.admin.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.admin.security.CurrentUser;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.payment.OfficePayment;
import org.sutahsilat.domain.payment.PaymentChannel;
import org.sutahsilat.domain.payment.PaymentService;
import org.sutahsilat.domain.payment.SubscriberAccount;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * collect.xhtml ("Tahsilat"): find a subscriber of the user's institutions by number, show the open bills with the
 * surcharge due today, take a cash / office POS / bank payment and show its receipt. The payment is recorded for the
 * subscriber found (kept in the view), never for what a later request names. Each form carries one key: a double
 * click or a refresh of the same form records one payment.
 */
@Named
@ViewScoped
public class CollectBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PaymentService paymentService;
    @Inject
    InstitutionRepository institutionRepository;

    private List<InstitutionOption> institutions;
    private Long institutionId;
    private String subscriberNo;
    private SubscriberAccount account;
    private BigDecimal amount;
    private PaymentChannel channel = PaymentChannel.CASH;
    private LocalDate receivedOn;
    private String reference;
    private String idempotencyKey;
    private ReceiptDocument receipt;

    @PostConstruct
    void init() {
        institutions = institutionRepository.findVisible().stream().map(InstitutionOption::of).toList();
        if (institutions.size() == 1) {
            institutionId = institutions.get(0).getId();
        }
        receivedOn = paymentService.today();
    }

    /** "Bul": loads the subscriber's account; the amount defaults to what is left to pay. */
    public void find() {
        account = null;
        receipt = null;
        if (institutionId == null) {
            Messages.error("billing.institutionRequired");
            return;
        }
        try {
            account = paymentService.account(institutionId, subscriberNo);
            amount = account.amountDue().isPositive() ? account.amountDue().amount() : null;
            reference = null;
            receivedOn = paymentService.today();
            idempotencyKey = UUID.randomUUID().toString();
        } catch (DomainException e) {
            Messages.error(e.messageKey(), e.arguments());
        }
    }

    /** "Kaydet": records the payment and shows its receipt. */
    public void save() {
        if (account == null) {
            Messages.error("collect.findFirst");
            return;
        }
        if (amount == null) {
            Messages.error("error.payment.amount", "");
            return;
        }
        try {
            receipt = paymentService.recordAtOffice(new OfficePayment(account.institutionId(), account.subscriberNo(),
                    Money.of(amount), channel, receivedOn, reference, idempotencyKey),
                    CurrentUser.get().orElse(null));
            account = paymentService.account(account.institutionId(), account.subscriberNo());
        } catch (DomainException e) {
            Messages.error(e.messageKey(), e.arguments());
        }
    }

    /** "Yeni tahsilat": clears the page for the next subscriber. */
    public void next() {
        account = null;
        receipt = null;
        subscriberNo = null;
        amount = null;
        reference = null;
        idempotencyKey = null;
        receivedOn = paymentService.today();
    }

    public List<PaymentChannel> getChannels() {
        return PaymentService.OFFICE_CHANNELS.stream().sorted().toList();
    }

    public List<InstitutionOption> getInstitutions() {
        return institutions;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
    }

    public String getSubscriberNo() {
        return subscriberNo;
    }

    public void setSubscriberNo(String subscriberNo) {
        this.subscriberNo = subscriberNo;
    }

    public SubscriberAccount getAccount() {
        return account;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public PaymentChannel getChannel() {
        return channel;
    }

    public void setChannel(PaymentChannel channel) {
        this.channel = channel;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public void setReceivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public ReceiptDocument getReceipt() {
        return receipt;
    }
}
