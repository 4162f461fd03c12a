package org.sutahsilat.admin.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.domain.billing.BillingRunProgress;
import org.sutahsilat.domain.billing.BillingRunService;
import org.sutahsilat.domain.billing.BillingRunStatus;
import org.sutahsilat.domain.billing.BillingRunTicket;
import org.sutahsilat.domain.billing.SkippedSubscriber;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.DomainException;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * billing.xhtml: starts the billing run of an institution (of the user's tenant scope) for a period in the
 * background and shows its progress, its skipped subscribers and its result. The run is opened in the request
 * thread (tenant scope checked there); the worker only processes the ticket. Starting a COMPLETED or a live run
 * again only shows it.
 */
@Named
@ViewScoped
public class BillingBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** A RUNNING run without a sign of life for this long lost its worker: starting it again resumes it. */
    private static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    @Inject
    BillingRunService billingRunService;
    @Inject
    InstitutionRepository institutionRepository;
    @Inject
    BillingRunLauncher launcher;

    private List<InstitutionOption> institutions;
    private Long institutionId;
    private String period = YearMonth.now().toString();
    private Long runId;
    private transient BillingRunProgress progress;
    private transient List<SkippedSubscriber> skipped;

    @PostConstruct
    void init() {
        institutions = institutionRepository.findVisible().stream().map(InstitutionOption::of).toList();
        if (institutions.size() == 1) {
            institutionId = institutions.get(0).getId();
        }
    }

    /** "Faturalandır": shows the existing run of the period, or opens it and processes it in the background. */
    public void start() {
        runId = null;
        progress = null;
        skipped = null;
        try {
            if (institutionId == null) {
                Messages.error("billing.institutionRequired");
                return;
            }
            BillingPeriod p = BillingPeriod.parse(period);
            Optional<BillingRunProgress> existing = billingRunService.find(institutionId, p);
            if (existing.isPresent() && (existing.get().isCompleted() || isLive(existing.get()))) {
                runId = existing.get().runId();
            } else {
                BillingRunTicket ticket = billingRunService.open(institutionId, p);
                runId = ticket.runId();
                launcher.launch(ticket);
            }
            refresh();
        } catch (DomainException e) {
            Messages.error(e.messageKey(), e.arguments());
        }
    }

    private static boolean isLive(BillingRunProgress run) {
        return run.status() == BillingRunStatus.RUNNING && !run.isStalled(Instant.now(), STALLED_AFTER);
    }

    /** The poll's listener: reloads the run's progress (and its skipped subscribers). */
    public void refresh() {
        if (runId == null) {
            return;
        }
        try {
            progress = billingRunService.progress(runId);
            skipped = billingRunService.skipped(runId);
        } catch (DomainException e) {
            runId = null;
            progress = null;
            skipped = null;
            Messages.error(e.messageKey(), e.arguments());
        }
    }

    public BillingRunProgress getProgress() {
        if (progress == null && runId != null) {
            refresh();
        }
        return progress;
    }

    public List<SkippedSubscriber> getSkipped() {
        if (skipped == null && runId != null) {
            refresh();
        }
        return skipped == null ? List.of() : skipped;
    }

    /** True while the page should keep polling. */
    public boolean isRunning() {
        BillingRunProgress p = getProgress();
        return p != null && p.status() == BillingRunStatus.RUNNING;
    }

    public boolean isStopped() {
        return !isRunning();
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

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public Long getRunId() {
        return runId;
    }
}
