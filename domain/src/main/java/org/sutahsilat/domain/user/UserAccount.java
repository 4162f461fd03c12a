package org.sutahsilat.domain.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sutahsilat.domain.shared.AbstractEntity;
import org.sutahsilat.domain.tenant.TenantScope;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A staff member who logs in to the admin application. */
@Entity
@Table(name = "app_user")
public class UserAccount extends AbstractEntity {

    @Column(nullable = false, unique = true, length = 64)
    private String username;
    @Column(name = "full_name", nullable = false)
    private String fullName;
    private String email;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role")
    private Set<Role> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_institution", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "institution_id")
    private Set<Long> institutionIds = new HashSet<>();

    protected UserAccount() {
    }

    public static UserAccount create(String username, String fullName, String passwordHash, Collection<Role> roles,
                                     Collection<Long> institutionIds, Instant now) {
        UserAccount u = new UserAccount();
        u.username = normalizeUsername(username);
        u.fullName = fullName;
        u.passwordHash = passwordHash;
        u.enabled = true;
        u.roles = roles.isEmpty() ? new HashSet<>() : EnumSet.copyOf(roles);
        u.institutionIds = new HashSet<>(institutionIds);
        u.passwordChangedAt = now;
        u.createdAt = now;
        return u;
    }

    /** Usernames compare case-insensitively (ASCII lower case, so "ADMIN" and "admin" are one account). */
    public static String normalizeUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a wrong password; at the policy's limit the account locks. */
    public void recordFailedLogin(Instant now, LoginPolicy policy) {
        failedAttempts++;
        if (failedAttempts >= policy.maxFailures()) {
            lockedUntil = now.plus(policy.lockDuration());
            failedAttempts = 0;
        }
    }

    public void recordSuccessfulLogin(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public void changePasswordHash(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
    }

    /** What this user may see: everything for COMPANY_ADMIN, else the assigned institutions. */
    public TenantScope tenantScope() {
        return roles.contains(Role.COMPANY_ADMIN) ? TenantScope.all() : TenantScope.of(institutionIds);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public Set<Long> getInstitutionIds() {
        return Set.copyOf(institutionIds);
    }
}
