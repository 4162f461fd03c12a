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
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * billing.xhtml: starts the billing run of an institution (of the user's tenant scope) for a period in the
 * background and shows its progress, its skipped subscribers and its result. The run is claimed in the request
 * thread (tenant scope checked there); the worker only processes the ticket. Starting a COMPLETED or a live run
 * again only shows it; an interrupted run (FAILED, or its worker died: kill -9, a lost node) is listed on the page
 * and "Devam et" (or "Faturalandır" for its period) resumes it where it stopped. Whether a run can be claimed is the
 * domain's decision ({@link BillingRunService#claim}): never two workers on one run.
 */
@Named
@ViewScoped
public class BillingBacking implements Serializable {

    private static final long serialVersionUID = 1L;
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
    private transient List<BillingRunProgress> unfinished;

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
            Optional<BillingRunTicket> ticket = billingRunService.claim(institutionId, p);
            if (ticket.isPresent()) {
                runId = ticket.get().runId();
                launcher.launch(ticket.get());
            } else {
                runId = billingRunService.find(institutionId, p).map(BillingRunProgress::runId).orElse(null);
            }
            unfinished = null;
            refresh();
        } catch (DomainException e) {
            Messages.error(e.messageKey(), e.arguments());
        }
    }

    /** "Devam et" on an interrupted run (request parameter {@code run}): resumes it where it stopped. */
    public void resume() {
        String run = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("run");
        Long id = SubscriberQuery.toLong(run);
        if (id == null) {
            Messages.error("error.notFound");
            return;
        }
        try {
            BillingRunProgress p = billingRunService.progress(id); // tenant scope checked here
            institutionId = p.institutionId();
            period = p.period().toString();
            start();
        } catch (DomainException e) {
            Messages.error(e.messageKey(), e.arguments());
        }
    }

    /** The runs of the user's institutions that did not complete (running or interrupted), newest first. */
    public List<BillingRunProgress> getUnfinished() {
        if (unfinished == null) {
            unfinished = billingRunService.unfinished();
        }
        return unfinished;
    }

    /** Stopped before its end (FAILED, or its worker died): it can be resumed. */
    public boolean interrupted(BillingRunProgress run) {
        return run != null && billingRunService.isInterrupted(run);
    }

    /** The bundle key suffix of the run's state: RUNNING, COMPLETED, FAILED or INTERRUPTED. */
    public String state(BillingRunProgress run) {
        if (run.status() == BillingRunStatus.RUNNING && billingRunService.isInterrupted(run)) {
            return "INTERRUPTED";
        }
        return run.status().name();
    }

    public String institutionName(long id) {
        return institutions.stream().filter(i -> i.getId() == id).map(InstitutionOption::getName).findFirst()
                .orElse("");
    }

    /** The poll's listener: reloads the run's progress (and its skipped subscribers). */
    public void refresh() {
        unfinished = null;
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

    /** True while the page should keep polling: a worker is at it. */
    public boolean isRunning() {
        BillingRunProgress p = getProgress();
        return p != null && billingRunService.isLive(p);
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
