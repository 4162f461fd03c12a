package org.sutahsilat.domain.tenant;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

/**
 * Which institutions (tenants) the current user or request may see. Every repository query is filtered by
 * the scope in force; an empty scope sees nothing. Only COMPANY_ADMIN gets {@link #all()}.
 */
public final class TenantScope implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final TenantScope ALL = new TenantScope(true, Set.of());
    private static final TenantScope NONE = new TenantScope(false, Set.of());

    private final boolean all;
    private final Set<Long> institutionIds;

    private TenantScope(boolean all, Set<Long> institutionIds) {
        this.all = all;
        this.institutionIds = institutionIds;
    }

    public static TenantScope all() {
        return ALL;
    }

    public static TenantScope none() {
        return NONE;
    }

    public static TenantScope of(Collection<Long> institutionIds) {
        return institutionIds.isEmpty() ? NONE : new TenantScope(false, Set.copyOf(institutionIds));
    }

    public static TenantScope of(long institutionId) {
        return new TenantScope(false, Set.of(institutionId));
    }

    public boolean isAll() {
        return all;
    }

    public boolean isEmpty() {
        return !all && institutionIds.isEmpty();
    }

    /** The permitted institution ids; meaningless when {@link #isAll()}. */
    public Set<Long> institutionIds() {
        return institutionIds;
    }

    public boolean permits(Long institutionId) {
        return institutionId != null && (all || institutionIds.contains(institutionId));
    }

    /** The narrower of the two scopes. */
    public TenantScope intersect(TenantScope other) {
        if (all) {
            return other;
        }
        if (other.all) {
            return this;
        }
        return of(institutionIds.stream().filter(other.institutionIds::contains).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantScope t && all == t.all && institutionIds.equals(t.institutionIds);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(all) * 31 + institutionIds.hashCode();
    }

    @Override
    public String toString() {
        return all ? "TenantScope[all]" : "TenantScope" + institutionIds;
    }
}
