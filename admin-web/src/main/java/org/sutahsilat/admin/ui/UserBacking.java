package org.sutahsilat.admin.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.sutahsilat.admin.security.CurrentUser;
import org.sutahsilat.domain.user.AuthenticatedUser;
import org.sutahsilat.domain.user.Role;

import java.util.stream.Collectors;

/** The header's view of the logged-in user. */
@Named("currentUser")
@RequestScoped
public class UserBacking {

    public boolean isLoggedIn() {
        return CurrentUser.get().isPresent();
    }

    public String getFullName() {
        return CurrentUser.get().map(AuthenticatedUser::fullName).orElse("");
    }

    public String getUsername() {
        return CurrentUser.get().map(AuthenticatedUser::username).orElse("");
    }

    /** Role names, for the bundle keys {@code role.X}. */
    public java.util.List<String> getRoles() {
        return CurrentUser.get().map(u -> u.roles().stream().map(Role::name).sorted().collect(Collectors.toList()))
                .orElse(java.util.List.of());
    }

    /** True when the user has any of the comma-separated roles (menu links; the pages are guarded in shiro.ini). */
    public boolean hasAnyRole(String roles) {
        return CurrentUser.get().map(u -> java.util.Arrays.stream(roles.split(",")).map(String::trim)
                .anyMatch(r -> u.roles().stream().anyMatch(role -> role.name().equals(r)))).orElse(false);
    }
}
