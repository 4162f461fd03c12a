package org.sutahsilat.admin.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.payment.Payment;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.tenant.TenantContext;
import org.sutahsilat.payment.card.CardPaymentService;
import org.sutahsilat.payment.card.CardResults.ReportRow;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * card-report.xhtml: the daily card reconciliation report for the institutions in the user's scope: gateway
 * successes with no local payment, and local card payments with no gateway success. Yesterday by default.
 */
@Named
@ViewScoped
public class CardReportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CardPaymentService card;
    @Inject
    TenantContext tenant;
    @Inject
    InstitutionRepository institutionRepository;
    @Inject
    Clock clock;

    private LocalDate day;
    private List<ReportRow> rows = List.of();
    private boolean shown;
    private Map<Long, String> institutionNames = Map.of();

    @PostConstruct
    void init() {
        day = LocalDate.ofInstant(clock.instant(), Payment.BUSINESS_ZONE).minusDays(1);
        institutionNames = institutionRepository.findVisible().stream().map(InstitutionOption::of)
                .collect(Collectors.toMap(InstitutionOption::getId, InstitutionOption::getName, (a, b) -> a));
    }

    /** "Göster": the day's report (asks the gateway about the day's attempts that have no payment). */
    public void show() {
        if (!card.enabled()) {
            rows = List.of();
            shown = false;
            return;
        }
        if (day == null) {
            Messages.error("cardReport.dayRequired");
            return;
        }
        try {
            rows = card.report(day, tenant.scope());
            shown = true;
        } catch (RuntimeException e) {
            rows = List.of();
            shown = false;
            Messages.error("cardReport.failed");
        }
    }

    public boolean isEnabled() {
        return card.enabled();
    }

    public boolean isShown() {
        return shown;
    }

    public List<ReportRow> getRows() {
        return rows;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public String institutionName(long id) {
        return institutionNames.getOrDefault(id, "");
    }

    public String amount(long kurus) {
        return Money.ofKurus(kurus).format(Messages.locale());
    }
}
