package org.sutahsilat.domain.user;

import org.sutahsilat.domain.tenant.TenantScope;

import java.io.Serializable;
import java.util.Set;

/** The logged-in staff member as the web layer keeps it in the session (the security principal). */
public record AuthenticatedUser(long id, String username, String fullName, Set<Role> roles, TenantScope scope)
        implements Serializable {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    public static AuthenticatedUser of(UserAccount u) {
        return new AuthenticatedUser(u.getId(), u.getUsername(), u.getFullName(), u.getRoles(), u.tenantScope());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return username;
    }
}
