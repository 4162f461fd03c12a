package org.sutahsilat.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the built {@code target/su-tahsilat.jar} as a user would: first start on an empty folder, restart on the
 * same folder, a port in use and an unreachable database. Each start of Payara Micro costs 15–30 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    private static final Path JAR = Path.of(System.getProperty("su.launcher.jar", "target/su-tahsilat.jar"));
    private static final Path FOLDER = Path.of("target", "launcher-it").toAbsolutePath();
    /** 180 s by default; a machine shared by several builds may need -Dlauncher.it.readyTimeout=300. */
    private static final long READY_TIMEOUT_SECONDS = Long.getLong("launcher.it.readyTimeout", 180);
    private static final String PASSWORD_LINE = "first login: user admin, password ";

    private static int port;
    private static String adminPassword;
    private Launched launched;

    @BeforeAll
    static void prepare() throws IOException {
        assertThat(JAR).as("run after mvn package").isRegularFile();
        deleteTree(FOLDER);
        Files.createDirectories(FOLDER);
        port = freePort();
    }

    /** After a failed assertion: stop the launcher politely (its hook stops MariaDB and Payara), then by force. */
    @AfterEach
    void stopLeftovers() throws InterruptedException {
        if (launched == null) {
            return;
        }
        List<ProcessHandle> children = launched.process.descendants().toList();
        if (launched.process.isAlive()) {
            launched.process.destroy();
            if (!launched.process.waitFor(60, TimeUnit.SECONDS)) {
                launched.process.destroyForcibly();
                launched.process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    @Order(1)
    void aPortInUseGivesOneLineAndExitCodeTwo() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0)) {
            int busy = occupied.getLocalPort();
            launched = Launched.start(FOLDER.resolveSibling("launcher-it-port"), Map.of(), "--port", Integer.toString(busy));
            assertThat(launched.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            launched.drain();
            assertThat(launched.process.exitValue()).isEqualTo(2);
            assertThat(launched.stderr()).containsExactly(
                    "su-tahsilat: port " + busy + " is already in use; start with --port N");
        }
    }

    @Test
    @Order(2)
    void anUnreachableDatabaseGivesOneLineAndExitCodeThree() throws Exception {
        launched = Launched.start(FOLDER.resolveSibling("launcher-it-baddb"), Map.of("SU_DB_URL", "jdbc:mysql://127.0.0.1:1/x"),
                "--port", Integer.toString(freePort()));
        assertThat(launched.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        launched.drain();
        assertThat(launched.process.exitValue()).isEqualTo(3);
        assertThat(launched.stderr()).hasSize(1);
        assertThat(launched.stderr().get(0)).startsWith("su-tahsilat: cannot connect to the database at 127.0.0.1:1/x");
    }

    @Test
    @Order(2)
    void migrateOnlyPreparesAnExternalDatabaseForAFullServerAndStops() throws Exception {
        Path externalFolder = FOLDER.resolveSibling("launcher-it-external-db");
        deleteTree(externalFolder); // a fresh, empty database: it must get exactly one first admin
        deleteTree(FOLDER.resolveSibling("launcher-it-migrate"));
        try (org.sutahsilat.db.EmbeddedDatabase external = org.sutahsilat.db.EmbeddedDatabase.start(externalFolder, 0)) {
            org.sutahsilat.db.DatabaseSettings settings = external.createDatabase("external_su");
            launched = Launched.start(FOLDER.resolveSibling("launcher-it-migrate"), Map.of(
                    "SU_DB_URL", settings.url(), "SU_DB_USER", settings.user(), "SU_DB_PASSWORD", settings.password(),
                    "SU_CRYPTO_KEY", org.sutahsilat.domain.security.PersonalDataCipher.newKeyBase64()), "--migrate-only");
            assertThat(launched.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            launched.drain();
            assertThat(launched.process.exitValue()).isZero();
            assertThat(launched.stdout()).anyMatch(l -> l.startsWith("su-tahsilat: database schema migrated"))
                    .anyMatch(l -> l.startsWith("su-tahsilat: first login: user admin, password "))
                    .anyMatch(l -> l.contains("--migrate-only"))
                    .noneMatch(l -> l.contains("Payara"))
                    .noneMatch(l -> l.contains("iyzico simulator"));
            try (java.sql.Connection c = settings.connect(); java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM app_user),"
                         + " (SELECT COUNT(*) FROM institution), (SELECT COUNT(*) FROM flyway_schema_history WHERE success)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("first admin").isEqualTo(1);
                assertThat(rs.getInt(2)).as("no demo data outside demo mode").isZero();
                assertThat(rs.getInt(3)).isPositive();
            }
        }
    }

    @Test
    @Order(3)
    void firstStartLoadsDemoDataServesBothApplicationsAndShowsThePasswordOnce() throws Exception {
        launched = Launched.start(FOLDER, Map.of(), "--port", Integer.toString(port));
        double seconds = launched.awaitReady();
        System.out.printf(Locale.ROOT, "LauncherIT: first start (empty folder, demo data) ready after %.1f s%n", seconds);

        assertThat(status("/")).isBetween(100, 499);
        assertThat(status("/admin/")).isBetween(100, 499);
        List<String> passwordLines = launched.stdout().stream().filter(l -> l.contains(PASSWORD_LINE)).toList();
        assertThat(passwordLines).hasSize(1);
        adminPassword = passwordLines.get(0).substring(passwordLines.get(0).indexOf(PASSWORD_LINE) + PASSWORD_LINE.length())
                .split(" ")[0];
        assertThat(adminPassword).hasSize(20);
        assertThat(launched.stdout()).anyMatch(l -> l.contains("demo data loaded: 2 institutions"));
        assertThat(launched.stdout()).anyMatch(l -> l.contains("try the portal: "));
        String simulator = demoIyzicoSimulatorAnswersOverHttps();

        stopAndExpectCleanExit();

        assertThat(Files.getPosixFilePermissions(FOLDER.resolve("data/secrets.properties")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(FOLDER.resolve("data/runtime/post-boot-commands.asadmin")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        for (String log : List.of("logs/launcher.log", "logs/payara.log")) {
            assertThat(Files.readString(FOLDER.resolve("data").resolve(log), StandardCharsets.ISO_8859_1)).as(log)
                    .doesNotContain(adminPassword)
                    .doesNotContain(simulator);
        }
    }

    /**
     * Demo mode: the console names the iyzico simulator, which answers over HTTPS with the demo certificate the
     * launcher generated (trusted through the trust store it wrote for Payara) and labels itself TEST / DEMO.
     * Returns the simulator's generated secret key (which must appear in no log).
     */
    private String demoIyzicoSimulatorAnswersOverHttps() throws Exception {
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "su-tahsilat: iyzico simulator \\(TEST / DEMO, no real card\\): (https://localhost:[0-9]+), test payment page (http://localhost:[0-9]+/)");
        String api = launched.stdout().stream().map(line::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1)).findFirst().orElse(null);
        assertThat(api).as("the simulator's address on the console: " + launched.stdout()).isNotNull();
        java.util.Properties secrets = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(FOLDER.resolve("data/secrets.properties"))) {
            secrets.load(r);
        }
        java.security.KeyStore trust = java.security.KeyStore.getInstance(
                FOLDER.resolve("data/iyzico-simulator/truststore.p12").toFile(),
                org.sutahsilat.simulator.DemoTls.TRUSTSTORE_PASSWORD.toCharArray());
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        javax.net.ssl.HttpsURLConnection connection = (javax.net.ssl.HttpsURLConnection) URI.create(api + "/").toURL()
                .openConnection();
        connection.setSSLSocketFactory(tls.getSocketFactory());
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(10000);
        try {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            assertThat(new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("TEST / DEMO");
        } finally {
            connection.disconnect();
        }
        assertThat(secrets.getProperty("iyzico.simulator.api.key")).startsWith("demo-");
        // Payara Micro copies the JVM's trust store into its config and uses the copy: the demo certificate is there
        java.security.KeyStore payaraTrust = java.security.KeyStore.getInstance(
                FOLDER.resolve("data/runtime/payara/config/cacerts.p12").toFile(),
                org.sutahsilat.simulator.DemoTls.TRUSTSTORE_PASSWORD.toCharArray());
        assertThat(payaraTrust.getCertificate("su-tahsilat-demo-iyzico-simulator")).as("Payara trusts the simulator")
                .isEqualTo(trust.getCertificate("su-tahsilat-demo-iyzico-simulator")).isNotNull();
        return secrets.getProperty("iyzico.simulator.secret.key");
    }

    @Test
    @Order(4)
    void aRestartKeepsTheDataAndShowsNoPassword() throws Exception {
        assertThat(adminPassword).as("the first start ran").isNotNull();
        launched = Launched.start(FOLDER, Map.of(), "--port", Integer.toString(port));
        double seconds = launched.awaitReady();
        System.out.printf(Locale.ROOT, "LauncherIT: second start (warm, same folder) ready after %.1f s%n", seconds);

        assertThat(status("/")).isBetween(100, 499);
        assertThat(status("/admin/")).isBetween(100, 499);
        assertThat(launched.stdout()).noneMatch(l -> l.contains("password"));
        assertThat(launched.stdout()).anyMatch(l -> l.matches(".*existing data found: 2 institutions, [0-9]{3} subscribers.*"));
        assertThat(launched.stdout()).noneMatch(l -> l.contains("su-tahsilat: demo data loaded"));

        stopAndExpectCleanExit();
    }

    private void stopAndExpectCleanExit() throws InterruptedException {
        launched.process.destroy(); // SIGTERM
        assertThat(launched.process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        launched.drain();
        // the JVM reports a stop by SIGTERM as 143 (128 + 15) even when every shutdown hook succeeded
        assertThat(launched.process.exitValue()).isIn(0, 143);
        assertThat(launched.stdout()).contains("su-tahsilat: stopped");
        assertThat(launched.stderr()).isEmpty();
    }

    private static int status(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL()
                .openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(30000);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * A launcher process with its console captured in files (reading the pipes directly loses the last lines: the
     * JDK closes a process's pipe streams when it exits).
     */
    private static final class Launched {
        private static int count;
        final Process process;
        final long startedAt = System.nanoTime();
        private final Path out;
        private final Path err;

        private Launched(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        static Launched start(Path workDir, Map<String, String> env, String... args) throws IOException {
            Files.createDirectories(workDir);
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toAbsolutePath().toString()));
            command.addAll(List.of(args));
            int n = ++count;
            Path out = workDir.resolveSibling(workDir.getFileName() + "-console-" + n + ".out");
            Path err = workDir.resolveSibling(workDir.getFileName() + "-console-" + n + ".err");
            // the working directory is the test folder: the launcher's default data folder ./data lies inside it
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("SU_"));
            builder.environment().putAll(env);
            return new Launched(builder.start(), out, err);
        }

        /** Waits for the "ready in" line; returns the seconds since the process started. */
        double awaitReady() throws InterruptedException {
            long deadline = startedAt + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline) {
                if (stdout().stream().anyMatch(l -> l.contains("su-tahsilat: ready in "))) {
                    double seconds = (System.nanoTime() - startedAt) / 1e9;
                    stdout().forEach(l -> System.out.println("[launcher] " + l.replaceAll("password \\S+", "password ****")));
                    return seconds;
                }
                if (!process.isAlive()) {
                    fail("the launcher exited with " + process.exitValue() + " before it was ready: " + stderr());
                }
                Thread.sleep(200);
            }
            fail("not ready within " + READY_TIMEOUT_SECONDS + " s: " + stdout() + stderr());
            return -1;
        }

        void drain() {
            stderr().forEach(l -> System.out.println("[launcher stderr] " + l));
        }

        List<String> stdout() {
            return lines(out);
        }

        List<String> stderr() {
            return lines(err);
        }

        private static List<String> lines(Path file) {
            try {
                return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
