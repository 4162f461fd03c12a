package org.sutahsilat.portal.payment;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sutahsilat.domain.payment.OpenBill;
import org.sutahsilat.domain.payment.SubscriberAccount;
import org.sutahsilat.domain.security.PortalTokens;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.payment.card.CardPaymentService;
import org.sutahsilat.payment.card.CardPayments;
import org.sutahsilat.payment.card.CardResults;
import org.sutahsilat.portal.i18n.Messages;
import org.sutahsilat.portal.lookup.PortalFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The card payment page ({@code odeme/index.xhtml?t=<access token>}): the subscriber's open bills, oldest first,
 * with the surcharge due today; the choice is "the oldest N bills" (all by default), because money always pays the
 * oldest debt first and the basket must be exactly what the allocation will pay. Pay stores the attempt and sends
 * the browser to the gateway's page. The access token (from a lookup or a printed bill's page) is the only way in:
 * a missing, tampered or expired one is a plain 404. Nothing is kept in the session.
 */
@Named("cardPay")
@RequestScoped
public class CardPayBacking {

    /** How long a link to this page (and a statement's receipt links) stays valid. */
    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(30);

    /** This page's address for an access token, relative to the portal. */
    public static String url(String accessToken) {
        return "/odeme/index.xhtml?t=" + accessToken;
    }

    @Inject
    CardPaymentService card;

    @Inject
    PortalTokens tokens;

    private String token;
    private PortalTokens.Access access;
    private SubscriberAccount account;
    private Integer count;
    private String paymentPageUrl;

    @PostConstruct
    void load() {
        token = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("t");
        Optional<PortalTokens.Access> granted = tokens.verifyAccess(token);
        if (granted.isEmpty()) {
            return;
        }
        if (card.enabled()) {
            try {
                account = card.account(granted.get().institutionId(), granted.get().subscriberId());
            } catch (NotFoundException e) {
                return;
            }
        }
        access = granted.get();
    }

    /** Before the page renders (view action): no genuine access token, or no such subscriber → a plain 404. */
    public void check() {
        if (access == null) {
            notFound();
        }
    }

    /** Pay: opens (or reopens) the attempt for the oldest {@link #getCount()} bills and leaves for the gateway. */
    public void pay() {
        if (account == null || account.openBills().isEmpty()) {
            Messages.globalError("card.error.nothingToPay");
            return;
        }
        int n = count == null ? account.openBills().size() : count;
        if (n < 1 || n > account.openBills().size()) {
            Messages.globalError("card.error.oldestFirst");
            return;
        }
        List<Long> bills = account.openBills().subList(0, n).stream().map(OpenBill::billId).toList();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String clientIp = ((HttpServletRequest) external.getRequest()).getRemoteAddr();
        try {
            CardResults.Started started = card.start(new CardPayments.StartCommand(access.institutionId(),
                    account.subscriberNo(), bills, clientIp));
            String url = started.paymentPageUrl();
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                Messages.globalError("card.error.gatewayRefused");
                return;
            }
            // not a 302: the portal's CSP (form-action 'self') rightly stops a form from posting on to another site,
            // so the answer is a page that moves on by itself (meta refresh) and offers the link
            paymentPageUrl = url;
        } catch (DomainException e) {
            Messages.globalError(e.messageKey().startsWith("card.") ? e.messageKey() : "card.error.gatewayRefused");
        }
    }

    /** The gateway's page to go on to, once Pay has opened the attempt; null before. */
    public String getPaymentPageUrl() {
        return paymentPageUrl;
    }

    public boolean isEnabled() {
        return account != null;
    }

    public String getToken() {
        return token;
    }

    public SubscriberAccount getAccount() {
        return account;
    }

    public List<Row> getBills() {
        if (account == null) {
            return List.of();
        }
        PortalFormat format = format();
        List<Row> rows = new ArrayList<>();
        for (OpenBill b : account.openBills()) {
            rows.add(new Row(b.billNo(), format.period(b.period()), format.date(b.dueDate()),
                    format.money(b.openPrincipal()), format.money(b.surchargeDue()), format.money(b.total()),
                    b.surchargeDue().isPositive()));
        }
        return rows;
    }

    /** The choices: the oldest 1, 2, … N bills with what each costs; the last one (all) first in the list. */
    public List<SelectItem> getChoices() {
        List<SelectItem> items = new ArrayList<>();
        if (account == null) {
            return items;
        }
        PortalFormat format = format();
        List<OpenBill> open = account.openBills();
        Money sum = Money.ZERO;
        List<String> periods = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            sum = sum.plus(open.get(i).total());
            periods.add(format.period(open.get(i).period()));
            String label = (i == open.size() - 1 ? Messages.text("card.pay.all") : Messages.text("card.pay.oldest"))
                    + " · " + periods.stream().collect(Collectors.joining(", ")) + " · " + format.money(sum);
            items.add(0, new SelectItem(i + 1, label));
        }
        return items;
    }

    public String getTotal() {
        return account == null ? "" : format().money(account.debt());
    }

    public Integer getCount() {
        return count != null ? count : account == null ? null : account.openBills().size();
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    private static PortalFormat format() {
        return new PortalFormat(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    private static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            ((HttpServletResponse) faces.getExternalContext().getResponse()).sendError(404);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** One open bill as the page shows it. */
    public record Row(String billNo, String period, String dueDate, String principal, String surcharge, String total,
                      boolean hasSurcharge) {
    }
}
