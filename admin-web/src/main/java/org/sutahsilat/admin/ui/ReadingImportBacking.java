package org.sutahsilat.admin.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.sutahsilat.admin.security.CurrentUser;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.meter.ImportProblem;
import org.sutahsilat.domain.meter.ImportRow;
import org.sutahsilat.domain.meter.ReadingCsvImport;
import org.sutahsilat.domain.meter.ReadingCsvLimits;
import org.sutahsilat.domain.meter.ReadingImportReport;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.user.AuthenticatedUser;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * reading-import.xhtml: an operator uploads a CSV file of readings for an institution and a period;
 * {@link ReadingCsvImport} validates the whole file and stores every reading or none. The page shows either how
 * many readings were stored or every problem with its line number.
 */
@Named
@ViewScoped
public class ReadingImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReadingCsvImport csvImport;
    @Inject
    InstitutionRepository institutionRepository;

    private List<InstitutionOption> institutions;
    private Long institutionId;
    private String period = BillingPeriod.containing(LocalDate.now(ZoneId.of("Europe/Istanbul"))).toString();
    private transient Part file;
    private Integer stored;
    private List<ProblemRow> problems = List.of();

    /** One problem as the page lists it; line 0 is the file as a whole. */
    public record ProblemRow(int line, String subscriberNo, String reason) implements Serializable {
    }

    @PostConstruct
    void init() {
        institutions = institutionRepository.findVisible().stream().map(InstitutionOption::of).toList();
        if (institutions.size() == 1) {
            institutionId = institutions.get(0).getId();
        }
    }

    public void upload() {
        stored = null;
        problems = List.of();
        if (institutionId == null) {
            Messages.error("billing.institutionRequired");
            return;
        }
        BillingPeriod p;
        try {
            p = BillingPeriod.parse(period);
        } catch (RuntimeException e) {
            Messages.error("error.period.invalid");
            return;
        }
        if (file == null || file.getSize() == 0) {
            Messages.error("import.fileRequired");
            return;
        }
        if (file.getSize() > ReadingCsvLimits.DEFAULT.maxBytes()) {
            Messages.error("import.tooLarge", ReadingCsvLimits.DEFAULT.maxBytes() / (1024 * 1024));
            return;
        }
        Long userId = CurrentUser.get().map(AuthenticatedUser::id).orElse(null);
        try (InputStream in = file.getInputStream()) {
            show(csvImport.importFile(institutionId, p, in, userId));
        } catch (IOException e) {
            Messages.error("import.unreadable");
        } catch (DomainException e) {
            Messages.error(e.messageKey(), e.arguments());
        }
    }

    private void show(ReadingImportReport report) {
        if (report.isValid()) {
            stored = report.stored();
            return;
        }
        Locale locale = Messages.locale();
        List<ProblemRow> rows = new ArrayList<>();
        report.fileProblems().forEach(f -> rows.add(new ProblemRow(f.line(), "", f.text(locale))));
        for (ImportRow row : report.rows()) {
            for (ImportProblem problem : row.problems()) {
                rows.add(new ProblemRow(row.line(), row.subscriberNo() == null ? "" : row.subscriberNo(),
                        problem.text(locale)));
            }
        }
        if (rows.isEmpty()) {
            // a file without data lines: the report has no row to blame
            rows.add(new ProblemRow(0, "", Messages.text("import.noRows")));
        }
        problems = rows;
    }

    public boolean isRejected() {
        return !problems.isEmpty();
    }

    public long getMaxMegabytes() {
        return ReadingCsvLimits.DEFAULT.maxBytes() / (1024 * 1024);
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

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public Integer getStored() {
        return stored;
    }

    public List<ProblemRow> getProblems() {
        return problems;
    }
}
