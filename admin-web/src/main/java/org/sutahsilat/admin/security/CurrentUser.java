package org.sutahsilat.admin.security;

import org.apache.shiro.SecurityUtils;
import org.apache.shiro.UnavailableSecurityManagerException;
import org.apache.shiro.subject.Subject;
import org.sutahsilat.domain.user.AuthenticatedUser;

import java.util.Optional;

/** The logged-in staff member of the current request, as Shiro keeps it. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<AuthenticatedUser> get() {
        try {
            Subject subject = SecurityUtils.getSubject();
            if (!subject.isAuthenticated() || subject.getPrincipals() == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(subject.getPrincipals().oneByType(AuthenticatedUser.class));
        } catch (UnavailableSecurityManagerException e) {
            return Optional.empty();
        }
    }
}
