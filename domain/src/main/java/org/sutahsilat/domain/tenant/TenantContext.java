package org.sutahsilat.domain.tenant;

/**
 * The tenant scope in force for the current unit of work. The web layers set it (the admin app from the
 * logged-in user, the portal from the institution the subscriber picked); repositories read it for every
 * query, so no query is unscoped by accident. Unset means {@link TenantScope#none()}.
 */
public interface TenantContext {

    TenantScope scope();

    void set(TenantScope scope);
}
