package org.sutahsilat.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** When the launcher starts the local iyzico simulator: demo mode with no iyzico configured, and only then. */
class DemoIyzicoTest {

    @Test
    void demoModeWithoutAConfiguredIyzicoStartsTheSimulator() {
        assertThat(DemoIyzico.wanted(true, Map.of(), new Properties())).isTrue();
    }

    @Test
    void neverOutsideDemoMode() {
        assertThat(DemoIyzico.wanted(false, Map.of(), new Properties())).isFalse();
    }

    @Test
    void aConfiguredSandboxOrLiveIyzicoWinsInDemoModeToo() {
        assertThat(DemoIyzico.wanted(true, Map.of("SU_IYZICO_BASE_URL", "https://sandbox-api.iyzipay.com"),
                new Properties())).isFalse();
        Properties system = new Properties();
        system.setProperty("su.iyzico.base-url", "https://api.iyzipay.com");
        assertThat(DemoIyzico.wanted(true, Map.of(), system)).isFalse();
    }
}
