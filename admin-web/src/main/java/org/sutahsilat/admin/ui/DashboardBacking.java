package org.sutahsilat.admin.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.domain.institution.InstitutionRepository;

import java.io.Serializable;
import java.util.List;

/** index.xhtml: the institutions the user works for. */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    InstitutionRepository institutionRepository;

    private List<InstitutionOption> institutions;

    @PostConstruct
    void init() {
        institutions = institutionRepository.findVisible().stream().map(InstitutionOption::of).toList();
    }

    public List<InstitutionOption> getInstitutions() {
        return institutions;
    }
}
