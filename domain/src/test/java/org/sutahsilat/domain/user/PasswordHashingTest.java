package org.sutahsilat.domain.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashingTest {

    @Test
    void argon2HashesAreSaltedAndVerify() {
        String password = PasswordGenerator.generate();
        String h1 = PasswordHashing.hash(password);
        String h2 = PasswordHashing.hash(password);
        assertThat(h1).startsWith("$shiro2$argon2id$").isNotEqualTo(h2).doesNotContain(password);
        assertThat(PasswordHashing.matches(password, h1)).isTrue();
        assertThat(PasswordHashing.matches(password, h2)).isTrue();
        assertThat(PasswordHashing.matches(password + "x", h1)).isFalse();
        assertThat(PasswordHashing.matches(null, h1)).isFalse();
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThatThrownBy(() -> PasswordHashing.hash("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
