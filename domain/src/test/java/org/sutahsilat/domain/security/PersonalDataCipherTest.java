package org.sutahsilat.domain.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    private final PersonalDataCipher cipher = PersonalDataCipher.fromBase64(PersonalDataCipher.newKeyBase64());

    @Test
    void encryptsWithARandomNonceAndDecrypts() {
        byte[] a = cipher.encrypt("12345678950");
        byte[] b = cipher.encrypt("12345678950");
        assertThat(a).isNotEqualTo(b);
        assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("12345678950");
        assertThat(cipher.decrypt(a)).isEqualTo("12345678950");
        assertThat(cipher.decrypt(b)).isEqualTo("12345678950");
    }

    @Test
    void hashIsDeterministicPerKeyOnly() {
        PersonalDataCipher other = PersonalDataCipher.fromBase64(PersonalDataCipher.newKeyBase64());
        assertThat(cipher.hash("12345678950")).hasSize(32).isEqualTo(cipher.hash("12345678950"));
        assertThat(other.hash("12345678950")).isNotEqualTo(cipher.hash("12345678950"));
    }

    @Test
    void tamperedOrForeignCiphertextIsRefused() {
        byte[] data = cipher.encrypt("12345678950");
        data[data.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(data)).isInstanceOf(IllegalStateException.class);
        PersonalDataCipher other = PersonalDataCipher.fromBase64(PersonalDataCipher.newKeyBase64());
        assertThatThrownBy(() -> other.decrypt(cipher.encrypt("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64("")).isInstanceOf(IllegalArgumentException.class);
    }
}
