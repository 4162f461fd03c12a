package org.sutahsilat.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherOptionsTest {

    @Test
    void defaultsAreEmbeddedDemoOnPort8080WithDataInTheWorkingDirectory() {
        LauncherOptions options = LauncherOptions.parse(new String[0], Map.of(), new Properties());
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(options.embeddedDatabase()).isTrue();
        assertThat(options.demoMode()).isTrue();
        assertThat(options.baseUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void commandLineBeatsSystemPropertiesWhichBeatTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("su.db.url", "jdbc:mysql://db:3306/su");
        LauncherOptions options = LauncherOptions.parse(new String[]{"--port", "9090"},
                Map.of("SU_PORT", "7070", "SU_DB_URL", "jdbc:mysql://other/x", "SU_DB_PASSWORD", "secret",
                        "SU_PAYARA_JAVA_OPTS", "-Xmx1g  -XX:+UseSerialGC"), system);
        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.dbUrl()).contains("jdbc:mysql://db:3306/su");
        assertThat(options.embeddedDatabase()).isFalse();
        assertThat(options.demoMode()).isFalse();
        assertThat(options.payaraJavaOptions()).containsExactly("-Xmx1g", "-XX:+UseSerialGC");
        assertThat(options.toString()).doesNotContain("secret");
    }

    @Test
    void badArgumentsAreOneLineUsageErrors() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[]{"--port", "http"}, Map.of(), new Properties()))
                .isInstanceOf(LauncherException.class).hasMessage("invalid port http (1 to 65535)");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[]{"--frobnicate"}, Map.of(), new Properties()))
                .isInstanceOf(LauncherException.class).hasMessageContaining("unknown option --frobnicate");
        assertThat(LauncherOptions.parse(new String[]{"--help"}, Map.of(), new Properties()).help()).isTrue();
        assertThat(LauncherOptions.parse(new String[]{"--migrate-only"}, Map.of(), new Properties()).migrateOnly()).isTrue();
        assertThat(LauncherOptions.parse(new String[0], Map.of(), new Properties()).migrateOnly()).isFalse();
    }

    @Test
    void demoSubscribersComeFromTheCommandLineOrTheEnvironmentAndAreBounded() {
        assertThat(LauncherOptions.parse(new String[0], Map.of(), new Properties()).demoSubscribers()).isZero();
        assertThat(LauncherOptions.parse(new String[]{"--demo-subscribers", "20000"}, Map.of(), new Properties())
                .demoSubscribers()).isEqualTo(20000);
        assertThat(LauncherOptions.parse(new String[0], Map.of("SU_DEMO_SUBSCRIBERS", "300"), new Properties())
                .demoSubscribers()).isEqualTo(300);
        assertThatThrownBy(() -> LauncherOptions.parse(new String[]{"--demo-subscribers", "-5"}, Map.of(),
                new Properties())).isInstanceOf(LauncherException.class)
                .hasMessage("invalid --demo-subscribers -5 (0 to 1000000)");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[]{"--demo-subscribers", "many"}, Map.of(),
                new Properties())).isInstanceOf(LauncherException.class);
    }
}
