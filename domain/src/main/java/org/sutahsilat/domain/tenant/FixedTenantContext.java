package org.sutahsilat.domain.tenant;

/** A tenant context outside CDI (tests, batch tools). */
public final class FixedTenantContext implements TenantContext {

    private TenantScope scope;

    public FixedTenantContext(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public TenantScope scope() {
        return scope;
    }

    @Override
    public void set(TenantScope scope) {
        this.scope = scope == null ? TenantScope.none() : scope;
    }
}
