package org.sutahsilat.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The data folder: embedded database files, secrets (mode 600), logs and the unpacked runtime.
 * <pre>
 * data/
 *   .lock                    held while a launcher uses the folder
 *   secrets.properties       generated crypto key and database password (600)
 *   mariadb/                 embedded MariaDB (base, data, tmp)
 *   logs/launcher.log        the launcher's own log (no secrets)
 *   logs/payara.log          Payara Micro's output
 *   runtime/                 payara-micro.jar, ROOT.war, admin.war, mysql-connector-j.jar, Payara's files
 *   iyzico-simulator/        demo mode: the simulator's demo certificate and the trust store Payara runs with
 * </pre>
 */
final class DataFolder implements AutoCloseable {

    static final String SECRET_CRYPTO_KEY = "su.crypto.key";
    static final String SECRET_DB_PASSWORD = "embedded.db.password";

    private final Path root;
    private FileChannel lockChannel;
    private FileLock lock;

    DataFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path runtime() {
        return root.resolve("runtime");
    }

    Path secretsFile() {
        return root.resolve("secrets.properties");
    }

    void createDirectories() {
        try {
            if (!Files.exists(root) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // database files, secrets and logs: for the owner only
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectories(logs());
            Files.createDirectories(runtime());
        } catch (IOException e) {
            throw new LauncherException(LauncherException.USAGE, "cannot create the data folder " + root + ": " + e);
        }
    }

    /** Takes an exclusive lock so that two launchers never share one data folder. */
    void lock() {
        try {
            lockChannel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            throw new LauncherException(LauncherException.DATABASE_UNAVAILABLE,
                    "cannot lock the data folder " + root + ": " + e.getMessage());
        }
        if (lock == null) {
            throw new LauncherException(LauncherException.DATABASE_UNAVAILABLE, "the data folder " + root
                    + " is in use by another su-tahsilat; stop it first or use --data DIR");
        }
    }

    /** The secrets file's entries (empty when there is none). */
    Map<String, String> readSecrets() {
        Path file = secretsFile();
        Map<String, String> secrets = new TreeMap<>();
        if (!Files.exists(file)) {
            return secrets;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.stringPropertyNames().forEach(name -> secrets.put(name, properties.getProperty(name)));
        return secrets;
    }

    void writeSecrets(Map<String, String> secrets) {
        StringBuilder text = new StringBuilder("# su-tahsilat secrets, generated on first start. Keep this file private:\n"
                + "# losing su.crypto.key makes the stored identity numbers unreadable.\n");
        new TreeMap<>(secrets).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        writePrivate(secretsFile(), text.toString());
    }

    /** Writes a file readable only by its owner (600 on POSIX file systems), replacing it atomically. */
    static void writePrivate(Path file, String content) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
            }
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(content);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // the lock ends with the process anyway
        }
    }
}
