package org.sutahsilat.admin.security;

import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.LockedAccountException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.domain.user.AuthenticatedUser;
import org.sutahsilat.domain.user.LoginOutcome;
import org.sutahsilat.domain.user.LoginResult;
import org.sutahsilat.domain.user.LoginService;
import org.sutahsilat.domain.user.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginServiceRealmTest {

    static final AuthenticatedUser OPERATOR = new AuthenticatedUser(7, "operator-a", "Operatör A",
            Set.of(Role.OPERATOR), TenantScope.of(3L));

    /** A LoginService that answers a fixed result and records what it was asked. */
    static final class FakeLoginService extends LoginService {
        final LoginResult result;
        final List<String> calls = new ArrayList<>();

        FakeLoginService(LoginResult result) {
            this.result = result;
        }

        @Override
        public LoginResult login(String username, String password, String clientAddress) {
            calls.add(username + "|" + password + "|" + clientAddress);
            return result;
        }
    }

    private static UsernamePasswordToken token() {
        return new UsernamePasswordToken("operator-a", "secret-password", false, "10.0.0.9");
    }

    @Test
    void successGivesTheAuthenticatedUserAsPrincipalWithItsRoles() {
        FakeLoginService service = new FakeLoginService(new LoginResult(LoginOutcome.SUCCESS, OPERATOR));
        LoginServiceRealm realm = new LoginServiceRealm(() -> service);

        AuthenticationInfo info = realm.getAuthenticationInfo(token());

        assertThat(info.getPrincipals().getPrimaryPrincipal()).isEqualTo(OPERATOR);
        assertThat(service.calls).containsExactly("operator-a|secret-password|10.0.0.9");
        assertThat(realm.hasRole(info.getPrincipals(), "OPERATOR")).isTrue();
        assertThat(realm.hasRole(info.getPrincipals(), "COMPANY_ADMIN")).isFalse();
    }

    @Test
    void lockedDisabledAndInvalidBecomeShiroExceptions() {
        assertThatThrownBy(() -> new LoginServiceRealm(() -> new FakeLoginService(LoginResult.failed(LoginOutcome.LOCKED)))
                .getAuthenticationInfo(token())).isInstanceOf(LockedAccountException.class);
        assertThatThrownBy(() -> new LoginServiceRealm(() -> new FakeLoginService(LoginResult.failed(LoginOutcome.DISABLED)))
                .getAuthenticationInfo(token()))
                .isInstanceOf(DisabledAccountException.class).isNotInstanceOf(LockedAccountException.class);
        assertThatThrownBy(() -> new LoginServiceRealm(
                () -> new FakeLoginService(LoginResult.failed(LoginOutcome.INVALID_CREDENTIALS)))
                .getAuthenticationInfo(token())).isInstanceOf(IncorrectCredentialsException.class);
    }

    @Test
    void cachingIsOff() {
        LoginServiceRealm realm = new LoginServiceRealm(() -> null);
        assertThat(realm.isAuthenticationCachingEnabled()).isFalse();
        assertThat(realm.isAuthorizationCachingEnabled()).isFalse();
    }
}
