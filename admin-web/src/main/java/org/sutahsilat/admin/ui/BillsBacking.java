package org.sutahsilat.admin.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.domain.billing.BillDirectory;
import org.sutahsilat.domain.billing.BillStatus;
import org.sutahsilat.domain.institution.InstitutionRepository;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** bills.xhtml: the tenant-scoped, lazily loaded bill list with filters, CSV export and a PDF per bill. */
@Named
@ViewScoped
public class BillsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BillDirectory directory;
    @Inject
    InstitutionRepository institutionRepository;

    private BillLazyModel model;
    private List<InstitutionOption> institutions;
    private Map<Long, String> institutionNames;
    private Long institutionId;
    private String period;

    @PostConstruct
    void init() {
        model = new BillLazyModel(directory);
        institutions = institutionRepository.findVisible().stream().map(InstitutionOption::of).toList();
        institutionNames = institutions.stream()
                .collect(Collectors.toMap(InstitutionOption::getId, InstitutionOption::getName, (a, b) -> a));
    }

    public BillLazyModel getModel() {
        return model;
    }

    public List<InstitutionOption> getInstitutions() {
        return institutions;
    }

    public String institutionName(long id) {
        return institutionNames.getOrDefault(id, "");
    }

    public List<BillStatus> getStatuses() {
        return List.of(BillStatus.values());
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    /** From the view parameter {@code institution}: narrows the list; it cannot widen the tenant scope. */
    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
        model.setDefaultInstitutionId(institutionId);
    }

    public String getPeriod() {
        return period;
    }

    /** From the view parameter {@code period} (YYYY-MM); the column filter overrides it. */
    public void setPeriod(String period) {
        this.period = period;
        model.setDefaultPeriod(period);
    }
}
