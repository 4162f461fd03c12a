package org.sutahsilat.infrastructure.jpa;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.audit.AuditEntry;
import org.sutahsilat.domain.user.LoginOutcome;
import org.sutahsilat.domain.user.LoginPolicy;
import org.sutahsilat.domain.user.LoginResult;
import org.sutahsilat.domain.user.LoginService;
import org.sutahsilat.domain.user.PasswordHashing;
import org.sutahsilat.domain.user.Role;
import org.sutahsilat.domain.user.UserAccount;
import org.sutahsilat.domain.tenant.TenantScope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LoginServiceIT {

    private static final String PASSWORD = "correct horse battery";
    private Instant now = Instant.parse("2026-03-01T09:00:00Z");

    private LoginResult login(String username, String password) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return TestDatabase.inTransaction(em -> new LoginService(new JpaUserAccountRepository(em), new JpaAuditLog(em), clock)
                .withPolicy(new LoginPolicy(5, Duration.ofMinutes(15)))
                .login(username, password, "127.0.0.1"));
    }

    private String createUser(Set<Role> roles, Set<Long> institutions) {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase.run(em -> {
            em.persist(UserAccount.create(username, "Operatör Öztürk", PasswordHashing.hash(PASSWORD), roles, institutions, now));
        });
        return username;
    }

    private long createInstitution() {
        return TestDatabase.inTransaction(em -> {
            var i = org.sutahsilat.domain.institution.Institution.register("L" + UUID.randomUUID().toString().substring(0, 8),
                    "Örnek Köyü", org.sutahsilat.domain.institution.InstitutionKind.VILLAGE, "Sinop", "Gerze", now);
            em.persist(i);
            em.flush();
            return i.getId();
        });
    }

    @Test
    void rightPasswordLogsInWithTheUsersScope() {
        long institutionId = createInstitution();
        String username = createUser(Set.of(Role.OPERATOR), Set.of(institutionId));
        LoginResult result = login(username.toUpperCase(), PASSWORD);
        assertThat(result.outcome()).isEqualTo(LoginOutcome.SUCCESS);
        assertThat(result.user().roles()).containsExactly(Role.OPERATOR);
        assertThat(result.user().scope()).isEqualTo(TenantScope.of(institutionId));
        String admin = createUser(Set.of(Role.COMPANY_ADMIN), Set.of());
        assertThat(login(admin, PASSWORD).user().scope().isAll()).isTrue();
    }

    @Test
    void wrongPasswordAndUnknownUserGiveTheSameAnswer() {
        String username = createUser(Set.of(Role.READER), Set.of());
        assertThat(login(username, "wrong password!").outcome()).isEqualTo(LoginOutcome.INVALID_CREDENTIALS);
        assertThat(login("nobody-" + username, PASSWORD).outcome()).isEqualTo(LoginOutcome.INVALID_CREDENTIALS);
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPasswordUntilTheLockExpires() {
        String username = createUser(Set.of(Role.OPERATOR), Set.of(createInstitution()));
        for (int i = 1; i <= 4; i++) {
            assertThat(login(username, "guess " + i).outcome()).isEqualTo(LoginOutcome.INVALID_CREDENTIALS);
        }
        assertThat(login(username, "guess 5").outcome()).isEqualTo(LoginOutcome.LOCKED);
        assertThat(login(username, PASSWORD).outcome()).as("locked despite the right password").isEqualTo(LoginOutcome.LOCKED);
        now = now.plus(Duration.ofMinutes(14));
        assertThat(login(username, PASSWORD).outcome()).isEqualTo(LoginOutcome.LOCKED);
        now = now.plus(Duration.ofMinutes(2));
        assertThat(login(username, PASSWORD).outcome()).isEqualTo(LoginOutcome.SUCCESS);

        List<String> actions = TestDatabase.inTransaction(em -> em.createQuery(
                        "SELECT e FROM AuditEntry e WHERE e.username = :u ORDER BY e.id", AuditEntry.class)
                .setParameter("u", username).getResultList().stream().map(AuditEntry::getAction).toList());
        assertThat(actions).containsExactly("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
                "LOGIN_LOCKED", "LOGIN_REFUSED_LOCKED", "LOGIN_REFUSED_LOCKED", "LOGIN");
    }
}
