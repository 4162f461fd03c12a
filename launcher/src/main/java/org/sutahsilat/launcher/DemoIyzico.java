package org.sutahsilat.launcher;

import org.sutahsilat.domain.user.PasswordGenerator;
import org.sutahsilat.simulator.DemoTls;
import org.sutahsilat.simulator.IyzicoSimulator;
import org.sutahsilat.simulator.SimulatorConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Demo mode's card payments with no internet: the local iyzico simulator on 127.0.0.1 over HTTPS, with a
 * certificate generated into {@code data/iyzico-simulator/} at the first start and demo-only API keys generated
 * into the secrets file. Payara Micro gets the simulator's base URL and keys as {@code su.iyzico.*} system
 * properties and a trust store holding the JDK's CAs plus the demo certificate.
 * <p>
 * Started only in demo mode and only when no iyzico is configured ({@code SU_IYZICO_BASE_URL} /
 * {@code su.iyzico.base-url}); with a configured iyzico (sandbox or live) the WARs read the environment as it is.
 */
final class DemoIyzico implements AutoCloseable {

    static final String BASE_URL_PROPERTY = "su.iyzico.base-url";
    static final String API_KEY_PROPERTY = "su.iyzico.api-key";
    static final String SECRET_KEY_PROPERTY = "su.iyzico.secret-key";
    /** Where the simulator sends its webhook, relative to the public base URL (override: SU_IYZICO_SIMULATOR_WEBHOOK_URL). */
    static final String WEBHOOK_PATH = "/odeme/webhook";

    static final String SECRET_API_KEY = "iyzico.simulator.api.key";
    static final String SECRET_SECRET_KEY = "iyzico.simulator.secret.key";
    static final String SECRET_STORE_PASSWORD = "iyzico.simulator.store.password";

    private static final AtomicReference<Logger> SIMULATOR_LOG = new AtomicReference<>();

    private final IyzicoSimulator simulator;
    private final DemoTls tls;
    private final String apiKey;
    private final String secretKey;

    private DemoIyzico(IyzicoSimulator simulator, DemoTls tls, String apiKey, String secretKey) {
        this.simulator = simulator;
        this.tls = tls;
        this.apiKey = apiKey;
        this.secretKey = secretKey;
    }

    /** True in demo mode when no iyzico base URL is configured. */
    static boolean wanted(boolean demoMode, Map<String, String> env, Properties system) {
        return demoMode && blank(system.getProperty(BASE_URL_PROPERTY)) && blank(env.get("SU_IYZICO_BASE_URL"));
    }

    /**
     * Starts the simulator; generated keys and the store password are added to {@code secrets} (the caller saves
     * them).
     */
    static DemoIyzico start(DataFolder data, Map<String, String> secrets, String publicBaseUrl, Map<String, String> env) {
        String apiKey = secrets.computeIfAbsent(SECRET_API_KEY, k -> "demo-api-" + PasswordGenerator.generate());
        String secretKey = secrets.computeIfAbsent(SECRET_SECRET_KEY, k -> "demo-secret-" + PasswordGenerator.generate()
                + PasswordGenerator.generate());
        String storePassword = secrets.computeIfAbsent(SECRET_STORE_PASSWORD, k -> PasswordGenerator.generate());
        logInto(data.logs().resolve("iyzico-simulator.log"));
        DemoTls tls = DemoTls.ensure(data.root().resolve("iyzico-simulator"), storePassword);
        String webhook = env.getOrDefault("SU_IYZICO_SIMULATOR_WEBHOOK_URL",
                stripSlash(publicBaseUrl) + WEBHOOK_PATH);
        SimulatorConfig config = SimulatorConfig.of(apiKey, secretKey, tls.serverContext())
                .withPorts(port(env, "SU_IYZICO_SIMULATOR_PORT"), port(env, "SU_IYZICO_SIMULATOR_PAGE_PORT"))
                .withWebhook(URI.create(webhook), Duration.ofSeconds(3));
        return new DemoIyzico(IyzicoSimulator.start(config), tls, apiKey, secretKey);
    }

    /** The system properties the payment module reads. */
    List<String> systemProperties() {
        return List.of(BASE_URL_PROPERTY + "=" + simulator.apiBaseUrl(), API_KEY_PROPERTY + "=" + apiKey,
                SECRET_KEY_PROPERTY + "=" + secretKey);
    }

    /** JVM options of Payara Micro: trust the simulator (iyzipay-java reads the default SSL factory once). */
    List<String> javaOptions() {
        return new ArrayList<>(tls.trustStoreJvmOptions());
    }

    String apiBaseUrl() {
        return simulator.apiBaseUrl();
    }

    String pageBaseUrl() {
        return simulator.pageBaseUrl();
    }

    @Override
    public void close() {
        simulator.close();
    }

    /**
     * The simulator logs through java.util.logging; its lines go to {@code data/logs/iyzico-simulator.log}, not onto
     * the console (which shows only the launcher's own lines). Kept in a field: JUL holds loggers weakly.
     */
    private static void logInto(Path file) {
        Logger logger = Logger.getLogger("org.sutahsilat.simulator");
        if (SIMULATOR_LOG.compareAndSet(null, logger)) {
            logger.setUseParentHandlers(false);
            try {
                FileHandler handler = new FileHandler(file.toString(), true);
                handler.setFormatter(new SimpleFormatter());
                handler.setEncoding("UTF-8");
                logger.addHandler(handler);
            } catch (IOException e) {
                // no simulator log then; the console stays clean either way
            }
        }
    }

    private static int port(Map<String, String> env, String name) {
        String value = env.get(name);
        if (blank(value)) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LauncherException(LauncherException.USAGE, name + " must be a port number");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
