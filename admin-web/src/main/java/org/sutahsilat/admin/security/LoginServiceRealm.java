package org.sutahsilat.admin.security;

import jakarta.enterprise.inject.spi.CDI;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.LockedAccountException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;
import org.sutahsilat.domain.user.AuthenticatedUser;
import org.sutahsilat.domain.user.LoginResult;
import org.sutahsilat.domain.user.LoginService;
import org.sutahsilat.domain.user.Role;

import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Authenticates staff through the domain's {@link LoginService}, which verifies the Argon2id hash, applies the
 * lock-out policy and writes the audit log. This realm therefore does not compare credentials again
 * ({@link AllowAllCredentialsMatcher}): it only translates the outcome into Shiro's exceptions. The principal is
 * the {@link AuthenticatedUser} (with its tenant scope); roles are its {@link Role} names. No caching.
 */
public class LoginServiceRealm extends AuthorizingRealm {

    private final Supplier<LoginService> loginService;

    /** Used by shiro.ini: the service is looked up in CDI at each login (the realm is not a CDI bean). */
    public LoginServiceRealm() {
        this(() -> CDI.current().select(LoginService.class).get());
    }

    public LoginServiceRealm(Supplier<LoginService> loginService) {
        this.loginService = loginService;
        setName("su-tahsilat");
        setCredentialsMatcher(new AllowAllCredentialsMatcher());
        setAuthenticationTokenClass(UsernamePasswordToken.class);
        setCachingEnabled(false);
        setAuthenticationCachingEnabled(false);
        setAuthorizationCachingEnabled(false);
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) throws AuthenticationException {
        UsernamePasswordToken up = (UsernamePasswordToken) token;
        String password = up.getPassword() == null ? "" : new String(up.getPassword());
        LoginResult result = loginService.get().login(up.getUsername(), password, up.getHost());
        return switch (result.outcome()) {
            case SUCCESS -> new SimpleAuthenticationInfo(result.user(), up.getCredentials(), getName());
            case LOCKED -> throw new LockedAccountException("account locked");
            case DISABLED -> throw new DisabledAccountException("account disabled");
            case INVALID_CREDENTIALS -> throw new IncorrectCredentialsException("invalid credentials");
        };
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        AuthenticatedUser user = principals.oneByType(AuthenticatedUser.class);
        SimpleAuthorizationInfo info = new SimpleAuthorizationInfo();
        if (user != null) {
            info.setRoles(user.roles().stream().map(Role::name).collect(Collectors.toSet()));
        }
        return info;
    }
}
