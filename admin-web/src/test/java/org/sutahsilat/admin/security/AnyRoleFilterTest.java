package org.sutahsilat.admin.security;

import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.realm.SimpleAccountRealm;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.apache.shiro.subject.Subject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnyRoleFilterTest {

    private final SimpleAccountRealm realm = new SimpleAccountRealm("test");
    private final DefaultSecurityManager securityManager = new DefaultSecurityManager(realm);

    AnyRoleFilterTest() {
        realm.addAccount("reader", "x", "READER");
        realm.addAccount("operator", "x", "OPERATOR");
        realm.addAccount("both", "x", "OPERATOR", "LEGAL");
    }

    private Subject subject(String username) {
        return new Subject.Builder(securityManager).principals(new SimplePrincipalCollection(username, "test"))
                .authenticated(true).sessionCreationEnabled(false).buildSubject();
    }

    @Test
    void anyOfTheListedRolesIsEnough() {
        String[] staff = {"OPERATOR", " COMPANY_ADMIN"};
        assertThat(AnyRoleFilter.allowed(subject("operator"), staff)).isTrue();
        assertThat(AnyRoleFilter.allowed(subject("both"), new String[]{"LEGAL", "COMPANY_ADMIN"})).isTrue();
        assertThat(AnyRoleFilter.allowed(subject("reader"), staff)).isFalse();
        assertThat(AnyRoleFilter.allowed(subject("reader"), new String[]{"READER", "OPERATOR"})).isTrue();
    }

    @Test
    void noRolesOrNoUserIsNoAccess() {
        assertThat(AnyRoleFilter.allowed(subject("operator"), null)).isFalse();
        assertThat(AnyRoleFilter.allowed(subject("operator"), new String[]{" "})).isFalse();
        assertThat(AnyRoleFilter.allowed(null, new String[]{"OPERATOR"})).isFalse();
        Subject anonymous = new Subject.Builder(securityManager).sessionCreationEnabled(false).buildSubject();
        assertThat(AnyRoleFilter.allowed(anonymous, new String[]{"OPERATOR"})).isFalse();
    }
}
