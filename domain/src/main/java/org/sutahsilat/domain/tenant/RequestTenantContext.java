package org.sutahsilat.domain.tenant;

import jakarta.enterprise.context.RequestScoped;

import java.io.Serializable;

/** The tenant scope of one request (or one job's request context). Starts empty: nothing is visible. */
@RequestScoped
public class RequestTenantContext implements TenantContext, Serializable {

    private static final long serialVersionUID = 1L;

    private TenantScope scope = TenantScope.none();

    @Override
    public TenantScope scope() {
        return scope;
    }

    @Override
    public void set(TenantScope scope) {
        this.scope = scope == null ? TenantScope.none() : scope;
    }
}
