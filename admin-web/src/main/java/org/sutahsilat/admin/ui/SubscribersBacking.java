package org.sutahsilat.admin.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.subscriber.SubscriberDirectory;
import org.sutahsilat.domain.subscriber.SubscriberStatus;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** subscribers.xhtml: the tenant-scoped, lazily loaded subscriber list with filters and CSV export. */
@Named
@ViewScoped
public class SubscribersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SubscriberDirectory directory;
    @Inject
    InstitutionRepository institutionRepository;

    private SubscriberLazyModel model;
    private List<InstitutionOption> institutions;
    private Map<Long, String> institutionNames;
    private Long institutionId;

    @PostConstruct
    void init() {
        model = new SubscriberLazyModel(directory);
        institutions = institutionRepository.findVisible().stream().map(InstitutionOption::of).toList();
        institutionNames = institutions.stream()
                .collect(Collectors.toMap(InstitutionOption::getId, InstitutionOption::getName, (a, b) -> a));
    }

    public SubscriberLazyModel getModel() {
        return model;
    }

    /** Only the institutions of the user's tenant scope. */
    public List<InstitutionOption> getInstitutions() {
        return institutions;
    }

    public String institutionName(long id) {
        return institutionNames.getOrDefault(id, "");
    }

    public List<SubscriberCategory> getCategories() {
        return List.of(SubscriberCategory.values());
    }

    public List<SubscriberStatus> getStatuses() {
        return List.of(SubscriberStatus.values());
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    /** From the view parameter {@code institution}: narrows the list; it cannot widen the tenant scope. */
    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
        model.setDefaultInstitutionId(institutionId);
    }

}
