package org.sutahsilat.domain.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.audit.AuditEntry;
import org.sutahsilat.domain.audit.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a staff login: password (Argon2id), disabled accounts, and lock-out after repeated failures
 * ({@link LoginPolicy#DEFAULT}). Every attempt is written to the audit log; a locked account stays locked even
 * with the right password until the lock expires.
 */
@ApplicationScoped
@Transactional
public class LoginService {

    /** Verified against when the user does not exist, so that both cases cost the same time. */
    private static final String DUMMY_HASH = PasswordHashing.hash("dummy-password-for-timing");

    private UserAccountRepository users;
    private AuditLog audit;
    private Clock clock;
    private LoginPolicy policy = LoginPolicy.DEFAULT;

    protected LoginService() {
    }

    @Inject
    public LoginService(UserAccountRepository users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public LoginService withPolicy(LoginPolicy policy) {
        this.policy = policy;
        return this;
    }

    public LoginResult login(String username, String password, String clientAddress) {
        Instant now = clock.instant();
        Optional<UserAccount> found = users.findByUsername(username);
        if (found.isEmpty()) {
            PasswordHashing.matches(password == null ? "" : password, DUMMY_HASH);
            audit.record(AuditEntry.of(now, null, UserAccount.normalizeUsername(username), null, "LOGIN_FAILED",
                    "UserAccount", null, "unknown user", clientAddress));
            return LoginResult.failed(LoginOutcome.INVALID_CREDENTIALS);
        }
        UserAccount user = found.get();
        if (user.isLockedAt(now)) {
            audit.record(entry(now, user, "LOGIN_REFUSED_LOCKED", "locked until " + user.getLockedUntil(), clientAddress));
            return LoginResult.failed(LoginOutcome.LOCKED);
        }
        if (!PasswordHashing.matches(password, user.getPasswordHash())) {
            user.recordFailedLogin(now, policy);
            boolean lockedNow = user.isLockedAt(now);
            audit.record(entry(now, user, lockedNow ? "LOGIN_LOCKED" : "LOGIN_FAILED", "wrong password", clientAddress));
            users.save(user);
            return LoginResult.failed(lockedNow ? LoginOutcome.LOCKED : LoginOutcome.INVALID_CREDENTIALS);
        }
        if (!user.isEnabled()) {
            audit.record(entry(now, user, "LOGIN_REFUSED_DISABLED", null, clientAddress));
            return LoginResult.failed(LoginOutcome.DISABLED);
        }
        user.recordSuccessfulLogin(now);
        users.save(user);
        audit.record(entry(now, user, "LOGIN", null, clientAddress));
        return new LoginResult(LoginOutcome.SUCCESS, AuthenticatedUser.of(user));
    }

    private static AuditEntry entry(Instant now, UserAccount user, String action, String detail, String client) {
        return AuditEntry.of(now, user.getId(), user.getUsername(), null, action, "UserAccount", user.getId(), detail,
                client);
    }
}
