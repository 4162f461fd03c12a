package org.sutahsilat.admin.web;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieSetupTest {

    @Test
    void onlyAnExplicitTrueForcesSecure() {
        assertThat(SessionCookieSetup.forceSecure(Optional.of("true"))).isTrue();
        assertThat(SessionCookieSetup.forceSecure(Optional.of(" TRUE "))).isTrue();
        assertThat(SessionCookieSetup.forceSecure(Optional.of("false"))).isFalse();
        assertThat(SessionCookieSetup.forceSecure(Optional.empty())).isFalse();
    }
}
