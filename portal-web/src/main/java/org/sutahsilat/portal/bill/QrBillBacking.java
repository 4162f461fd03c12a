package org.sutahsilat.portal.bill;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.sutahsilat.domain.billing.BillBalance;
import org.sutahsilat.domain.billing.PortalBill;
import org.sutahsilat.domain.payment.QrBillService;
import org.sutahsilat.domain.security.PortalTokens;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.payment.card.CardPaymentService;
import org.sutahsilat.portal.lookup.PortalFormat;
import org.sutahsilat.portal.payment.CardPayBacking;

import java.time.Clock;
import java.util.Locale;

/**
 * The page a printed bill's QR code opens ({@code /fatura/<token>}, forwarded here by {@link BillPageServlet}): that
 * one bill, the subscriber's masked name, what is still open on it with the late-payment surcharge due today, its PDF
 * and the way to pay by card. Nothing about the subscriber's other bills.
 */
@Named("qrBill")
@RequestScoped
public class QrBillBacking {

    @Inject
    PortalTokens tokens;

    @Inject
    CardPaymentService card;

    @Inject
    Clock clock;

    private String token;
    private PortalBill bill;
    private Money surcharge = Money.ZERO;
    private PortalFormat format;

    /** What {@link BillPageServlet} read for this request (the guard keeps the view from being asked for alone). */
    @PostConstruct
    void load() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        token = (String) request.getAttribute(BillPageServlet.TOKEN_ATTRIBUTE);
        if (request.getAttribute(BillPageServlet.PAGE_ATTRIBUTE) instanceof QrBillService.QrBill page) {
            bill = page.bill();
            surcharge = page.surchargeDue();
        }
    }

    public PortalBill getBill() {
        return bill;
    }

    public boolean isOpen() {
        return bill != null && bill.balance().isOpen();
    }

    public boolean isOverdue() {
        return isOpen() && bill.balance().dueDate().isBefore(PortalFormat.today(clock));
    }

    public String getPeriod() {
        return format().period(balance().period());
    }

    public String getDueDate() {
        return format().date(balance().dueDate());
    }

    public String getTotal() {
        return format().money(balance().total());
    }

    public String getOpenAmount() {
        return format().money(balance().open());
    }

    public boolean isSurcharged() {
        return surcharge.isPositive();
    }

    public String getSurcharge() {
        return format().money(surcharge);
    }

    public String getToPay() {
        return format().money(balance().open().plus(surcharge));
    }

    /** The bill's PDF, in the page's language. */
    public String getPdfUrl() {
        return BillPageServlet.pdfUrl(token, "en".equals(locale().getLanguage()));
    }

    /** The card payment page for this subscriber, when something is open and card payment is on; else null. */
    public String getPayUrl() {
        if (!isOpen() || !card.enabled()) {
            return null;
        }
        return CardPayBacking.url(tokens.access(bill.institutionId(), bill.subscriberId(),
                CardPayBacking.ACCESS_LIFETIME));
    }

    private BillBalance balance() {
        return bill.balance();
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** One formatter for the page's language per request (the page asks for six amounts and dates). */
    private PortalFormat format() {
        if (format == null) {
            format = new PortalFormat(locale());
        }
        return format;
    }
}
