package org.sutahsilat.db.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.sutahsilat.db.DatabaseSettings;
import org.sutahsilat.db.EmbeddedDatabase;
import org.sutahsilat.db.Migrations;
import org.sutahsilat.db.PayaraDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * For container tests (Arquillian on Payara Micro): before the first test of the JVM, starts one embedded MariaDB,
 * migrates it, and writes the Payara Micro post-boot command file that creates the application's datasource
 * plus a system-properties file, so that the managed Payara Micro started by Arquillian finds its database.
 * <p>
 * Active only when the system property {@code su.test.payara.dir} names the folder for those files (set it in
 * failsafe's configuration); the database settings are published as system properties {@code su.test.db.url},
 * {@code su.test.db.user}, {@code su.test.db.password} for tests that seed data over JDBC.
 */
public class PayaraTestDatabase implements LauncherSessionListener {

    public static final String DIR_PROPERTY = "su.test.payara.dir";
    public static final String POSTBOOT_FILE = "postboot.asadmin";
    public static final String SYSTEM_PROPERTIES_FILE = "system.properties";

    private static EmbeddedDatabase database;
    private static DatabaseSettings settings;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            start(Path.of(dir));
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    public static synchronized DatabaseSettings settings() {
        if (settings == null) {
            throw new IllegalStateException("the test database runs only with -D" + DIR_PROPERTY);
        }
        return settings;
    }

    static synchronized void start(Path dir) {
        if (database != null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            database = EmbeddedDatabase.start(dir.resolve("db-" + UUID.randomUUID()), 0);
            settings = database.createDatabase("sutahsilat");
            Migrations.migrate(settings);
            Files.write(dir.resolve(POSTBOOT_FILE), PayaraDataSource.commands(settings));
            Properties props = new Properties();
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            props.setProperty("su.crypto.key", Base64.getEncoder().encodeToString(key));
            props.setProperty("su.public.base.url", "http://localhost:8080");
            props.setProperty("su.demo", "false");
            try (var out = Files.newOutputStream(dir.resolve(SYSTEM_PROPERTIES_FILE))) {
                props.store(out, "su-tahsilat container tests");
            }
            System.setProperty("su.test.db.url", settings.url());
            System.setProperty("su.test.db.user", settings.user());
            System.setProperty("su.test.db.password", settings.password());
            System.setProperty("su.test.crypto.key", props.getProperty("su.crypto.key"));
            Runtime.getRuntime().addShutdownHook(new Thread(PayaraTestDatabase::stop));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void stop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** The post-boot commands, for a test that wants to look at them. */
    public static List<String> commands() {
        return PayaraDataSource.commands(settings());
    }
}
