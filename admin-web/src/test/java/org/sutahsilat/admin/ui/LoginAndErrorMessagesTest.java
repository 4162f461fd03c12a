package org.sutahsilat.admin.ui;

import jakarta.faces.application.ViewExpiredException;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.LockedAccountException;
import org.apache.shiro.authc.UnknownAccountException;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.shared.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAndErrorMessagesTest {

    @Test
    void unknownUserAndWrongPasswordLookTheSame() {
        assertThat(LoginMessages.key(new IncorrectCredentialsException())).isEqualTo("login.invalid");
        assertThat(LoginMessages.key(new UnknownAccountException())).isEqualTo("login.invalid");
        assertThat(LoginMessages.key(new AuthenticationException())).isEqualTo("login.invalid");
        assertThat(LoginMessages.key(new LockedAccountException())).isEqualTo("login.locked");
        assertThat(LoginMessages.key(new DisabledAccountException())).isEqualTo("login.disabled");
    }

    @Test
    void afterLoginOnlyPathsOfThisApplication() {
        assertThat(LoginMessages.safeTarget("/admin", null)).isEqualTo("/admin/index.xhtml");
        assertThat(LoginMessages.safeTarget("/admin", "/admin/subscribers.xhtml?institution=3"))
                .isEqualTo("/admin/subscribers.xhtml?institution=3");
        assertThat(LoginMessages.safeTarget("/admin", "https://evil.example/")).isEqualTo("/admin/index.xhtml");
        assertThat(LoginMessages.safeTarget("/admin", "//evil.example/admin/")).isEqualTo("/admin/index.xhtml");
        assertThat(LoginMessages.safeTarget("/admin", "/adminx/")).isEqualTo("/admin/index.xhtml");
        assertThat(LoginMessages.safeTarget("/admin", "/admin/jakarta.faces.resource/x.css.xhtml"))
                .isEqualTo("/admin/index.xhtml");
    }

    @Test
    void errorsMapToBundleKeys() {
        assertThat(ErrorMessages.key(404, null)).isEqualTo("error.404");
        assertThat(ErrorMessages.key(400, null)).isEqualTo("error.400");
        assertThat(ErrorMessages.key(500, new IllegalStateException("boom"))).isEqualTo("error.500");
        assertThat(ErrorMessages.key(500, new RuntimeException(new ViewExpiredException("x", "/a.xhtml"))))
                .isEqualTo("error.viewExpired");
        assertThat(ErrorMessages.key(500, new RuntimeException(new NotFoundException("subscriber", 5))))
                .isEqualTo("error.notFound");
        assertThat(ErrorMessages.key(null, null)).isEqualTo("error.generic");
    }
}
