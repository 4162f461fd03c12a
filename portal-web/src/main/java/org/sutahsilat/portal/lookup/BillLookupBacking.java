package org.sutahsilat.portal.lookup;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.domain.billing.PortalLookupService;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.payment.OpenBill;
import org.sutahsilat.domain.payment.PaymentService;
import org.sutahsilat.domain.payment.SubscriberAccount;
import org.sutahsilat.domain.security.PortalTokens;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.payment.card.CardPaymentService;
import org.sutahsilat.portal.bill.BillPageServlet;
import org.sutahsilat.portal.i18n.LocaleBacking;
import org.sutahsilat.portal.i18n.Messages;
import org.sutahsilat.portal.payment.CardPayBacking;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public bill lookup page. Request scoped on purpose: neither the payment code nor the statement outlives
 * the request (nothing of it is kept in the session). An unknown number, a wrong code and a malformed input all
 * end in the same message; the service makes them indistinguishable, this bean must not tell them apart either.
 */
@Named("billLookup")
@RequestScoped
public class BillLookupBacking {

    @Inject
    PortalLookupService portal;

    @Inject
    Clock clock;

    @Inject
    LocaleBacking locale;

    @Inject
    PortalTokens tokens;

    @Inject
    PaymentService payments;

    @Inject
    org.sutahsilat.domain.portal.LookupThrottle throttle;

    @Inject
    CardPaymentService card;

    private List<Institution> institutions;
    private Long institutionId;
    private String subscriberNo;
    private String paymentCode;
    private StatementView statement;
    private String payUrl;

    public void lookup() {
        String code = paymentCode;
        paymentCode = null;
        String address = ((jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext
                .getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
        long institution = institutionId == null ? 0 : institutionId;
        var blocked = throttle.blockedUntil(address, institution, subscriberNo);
        if (blocked.isPresent()) {
            // refused before the code is even compared: the right code does not help a guesser either
            Messages.globalError("lookup.blocked", java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .format(blocked.get().atZone(PortalFormat.TURKEY)));
            return;
        }
        var found = portal.lookup(institutionId, subscriberNo, code);
        if (found.isEmpty()) {
            throttle.recordFailure(address, institution, subscriberNo);
        }
        // the lookup narrowed the tenant scope to the institution: the ledger adds the surcharge due today.
        // One access token (30 minutes) serves the pay link and every receipt's PDF; bills open by their own token.
        String access = found.map(s -> tokens.access(s.institutionId(), s.subscriberId(),
                CardPayBacking.ACCESS_LIFETIME)).orElse(null);
        statement = found.map(s -> {
            SubscriberAccount account = payments.account(s.institutionId(), s.subscriberNo());
            Map<Long, Money> surcharge = account.openBills().stream()
                    .collect(Collectors.toMap(OpenBill::billId, OpenBill::surchargeDue, (x, y) -> x));
            boolean english = "en".equals(locale.getLanguage());
            return StatementView.of(s, PortalFormat.today(clock), locale.getLocale(), surcharge, account.debt())
                    .withHistory(s, payments.history(s.institutionId(), s.subscriberId()), locale.getLocale(),
                            billId -> BillPageServlet.pdfUrl(tokens.bill(s.institutionId(), billId), english),
                            paymentId -> ReceiptServlet.PATH + "?t=" + access + "&p=" + paymentId
                                    + (english ? "&lang=en" : ""));
        }).orElse(null);
        payUrl = found.filter(s -> !s.openBills().isEmpty() && card.enabled())
                .map(s -> CardPayBacking.url(access))
                .orElse(null);
        if (statement == null) {
            Messages.globalError("lookup.failed");
        }
    }

    public List<Institution> getInstitutions() {
        if (institutions == null) {
            institutions = portal.institutions();
        }
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

    /** Always empty when rendered: the code is never written back into a page. */
    public String getPaymentCode() {
        return paymentCode;
    }

    public void setPaymentCode(String paymentCode) {
        this.paymentCode = paymentCode;
    }

    /** The card payment page of the subscriber just looked up (an access token in it), or null (nothing to pay). */
    public String getPayUrl() {
        return payUrl;
    }

    public StatementView getStatement() {
        return statement;
    }
}
