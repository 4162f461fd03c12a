package org.sutahsilat.domain.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.sutahsilat.domain.shared.AbstractEntity;

/** An entity that belongs to one institution (tenant). */
@MappedSuperclass
public abstract class TenantOwned extends AbstractEntity {

    @Column(name = "institution_id", nullable = false, updatable = false)
    private Long institutionId;

    protected TenantOwned() {
    }

    protected TenantOwned(Long institutionId) {
        this.institutionId = institutionId;
    }

    public Long getInstitutionId() {
        return institutionId;
    }
}
