package org.sutahsilat.portal.payment;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.payment.card.AttemptStatus;
import org.sutahsilat.payment.card.CardAttempt;
import org.sutahsilat.payment.card.CardPaymentService;
import org.sutahsilat.portal.lookup.PortalFormat;

import java.util.List;
import java.util.Optional;

/** The result page of a card payment ({@code odeme/sonuc.xhtml?ref=}): the attempt's own unguessable reference only. */
@Named
@RequestScoped
public class CardResultBacking {

    @Inject
    CardPaymentService card;

    private String ref;
    private CardAttempt attempt;
    private ReceiptDocument receipt;

    @PostConstruct
    void load() {
        ref = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("ref");
        Optional<CardAttempt> found = card.attempt(ref);
        attempt = found.orElse(null);
        receipt = found.flatMap(card::receipt).orElse(null);
    }

    /** SUCCEEDED, FAILED (also expired or refused: nothing charged), PENDING (outcome not known yet) or NOT_FOUND. */
    public String getOutcome() {
        if (attempt == null) {
            return "NOT_FOUND";
        }
        if (attempt.status() == AttemptStatus.SUCCEEDED && receipt != null) {
            return "SUCCEEDED";
        }
        return attempt.status().isActive() ? "PENDING" : "FAILED";
    }

    public ReceiptDocument getReceipt() {
        return receipt;
    }

    public String money(org.sutahsilat.domain.shared.Money amount) {
        return format().money(amount);
    }

    public List<ReceiptDocument.Line> getLines() {
        return receipt == null ? List.of() : receipt.lines();
    }

    public String getRef() {
        return ref;
    }

    private static PortalFormat format() {
        return new PortalFormat(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }
}
