package org.sutahsilat.payment.iyzico;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IyzicoSettingsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void theSecretKeyIsNeverPrinted() {
        IyzicoSettings settings = new IyzicoSettings("https://sandbox-api.iyzipay.com", "sandbox-apikey-123",
                "sandbox-secret-456", SECOND, SECOND);

        assertThat(settings.toString()).doesNotContain("sandbox-secret-456").doesNotContain("sandbox-apikey-123")
                .contains("https://sandbox-api.iyzipay.com");
    }

    @Test
    void onlyHttpsIsAccepted() {
        assertThatThrownBy(() -> new IyzicoSettings("http://localhost:8080", "k", "s", SECOND, SECOND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void aTrailingSlashIsDroppedSoPathsJoinCleanly() {
        assertThat(new IyzicoSettings("https://api.iyzipay.com/", "k", "s", SECOND, SECOND).baseUrl())
                .isEqualTo("https://api.iyzipay.com");
    }

    @Test
    void theCallTimeoutCoversConnectAndRead() {
        IyzicoSettings settings = new IyzicoSettings("https://api.iyzipay.com", "k", "s",
                Duration.ofMillis(300), Duration.ofMillis(700));

        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> new IyzicoSettings("https://api.iyzipay.com", "k", "s", Duration.ZERO, SECOND))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IyzicoSettings("https://api.iyzipay.com", "k", " ", SECOND, SECOND))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
