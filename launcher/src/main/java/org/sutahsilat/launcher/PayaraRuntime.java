package org.sutahsilat.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Payara Micro as a child process: unpacks the runtime packed in su-tahsilat.jar into {@code data/runtime},
 * writes the post-boot command and system property files, starts {@code java -jar payara-micro.jar} with its
 * output in {@code data/logs/payara.log}, waits until both applications answer, and stops it.
 */
final class PayaraRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(PayaraRuntime.class);

    static final String RESOURCE_DIR = "/su-tahsilat-runtime/";
    static final String PAYARA_JAR = "payara-micro.jar";
    static final String PORTAL_WAR = "ROOT.war";
    static final String ADMIN_WAR = "admin.war";
    static final String CONNECTOR_JAR = "mysql-connector-j.jar";
    private static final List<String> PACKED = List.of(PAYARA_JAR, PORTAL_WAR, ADMIN_WAR, CONNECTOR_JAR);
    private static final long MAX_LOG_BYTES = 20L * 1024 * 1024;

    private final DataFolder data;
    private final int port;
    private Process process;
    private long logStart;
    private long scanned;

    PayaraRuntime(DataFolder data, int port) {
        this.data = data;
        this.port = port;
    }

    Path logFile() {
        return data.logs().resolve("payara.log");
    }

    /** Unpacks the runtime files when missing or when su-tahsilat.jar changed since the last unpack. */
    boolean unpack() {
        Path dir = data.runtime();
        Path stampFile = dir.resolve(".unpacked-from");
        String stamp = launcherJarStamp();
        try {
            boolean complete = PACKED.stream().allMatch(name -> Files.isRegularFile(dir.resolve(name)));
            if (complete && stamp != null && Files.exists(stampFile)
                    && stamp.equals(Files.readString(stampFile, StandardCharsets.UTF_8))) {
                return false;
            }
            for (String name : PACKED) {
                try (InputStream in = PayaraRuntime.class.getResourceAsStream(RESOURCE_DIR + name)) {
                    if (in == null) {
                        throw new LauncherException(LauncherException.SERVER_FAILED, "the runtime file " + name
                                + " is not packed in this jar; build it with mvn package");
                    }
                    Path temp = dir.resolve(name + ".tmp");
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            if (stamp != null) {
                Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime into " + dir, e);
        }
    }

    /** Size and time of the running su-tahsilat.jar, or null when not running from a jar. */
    private static String launcherJarStamp() {
        try {
            var source = PayaraRuntime.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            return jar.toAbsolutePath() + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Starts Payara Micro with the given asadmin post-boot commands, system properties and JVM options. */
    void start(List<String> postBootCommands, List<String> systemProperties, List<String> javaOptions) {
        Path dir = data.runtime();
        Path rootDir = dir.resolve("payara");
        Path tmp = dir.resolve("tmp");
        Path postBoot = dir.resolve("post-boot-commands.asadmin");
        Path properties = dir.resolve("system.properties");
        try {
            // Payara keeps its configuration in the root dir across restarts; the JDBC pool is re-created
            // from the post-boot commands at every start (the database port may change), so start afresh.
            for (String stale : List.of("config/domain.xml", "config/domain.xml.bak")) {
                Files.deleteIfExists(rootDir.resolve(stale));
            }
            deleteTree(rootDir.resolve("applications"));
            deleteTree(rootDir.resolve("generated"));
            deleteTree(tmp);
            Files.createDirectories(tmp);
            DataFolder.writePrivate(postBoot, String.join("\n", postBootCommands) + "\n");
            DataFolder.writePrivate(properties, String.join("\n", systemProperties) + "\n");
            Path log = logFile();
            if (Files.exists(log) && Files.size(log) > MAX_LOG_BYTES) {
                Files.move(log, log.resolveSibling("payara.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            logStart = Files.exists(log) ? Files.size(log) : 0;
            scanned = logStart;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(),
                "-Djava.io.tmpdir=" + tmp,
                "-Dfile.encoding=UTF-8"));
        command.addAll(javaOptions);
        command.addAll(List.of(
                "-jar", dir.resolve(PAYARA_JAR).toString(),
                "--nocluster",
                "--disablephonehome",
                "--port", Integer.toString(port),
                "--rootdir", rootDir.toString(),
                "--postbootcommandfile", postBoot.toString(),
                "--systemproperties", properties.toString(),
                "--addlibs", dir.resolve(CONNECTOR_JAR).toString(),
                "--deploy", dir.resolve(PORTAL_WAR).toString(),
                "--deploy", dir.resolve(ADMIN_WAR).toString()));
        LOG.info("starting {}", command);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new LauncherException(LauncherException.SERVER_FAILED, "cannot start Payara Micro: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until Payara Micro reports ready and both {@code /} and {@code /admin/} answer with a status below 500.
     */
    void awaitReady(long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean bootFinished = false;
        long bootFinishedAt = 0;
        String lastProblem = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LauncherException(LauncherException.SERVER_FAILED, "Payara Micro stopped during start (exit code "
                        + process.exitValue() + "); see " + logFile());
            }
            if (!bootFinished && logContains(" ready in ")) {
                bootFinished = true;
                bootFinishedAt = System.nanoTime();
            }
            if (bootFinished) {
                int portal = status("/");
                int admin = status("/admin/");
                if (portal > 0 && portal < 500 && admin > 0 && admin < 500) {
                    return;
                }
                lastProblem = "/ answers " + describe(portal) + ", /admin/ answers " + describe(admin);
                if (System.nanoTime() - bootFinishedAt > TimeUnit.SECONDS.toNanos(30)) {
                    throw new LauncherException(LauncherException.SERVER_FAILED,
                            "the web applications did not start (" + lastProblem + "); see " + logFile());
                }
            }
            sleep(500);
        }
        throw new LauncherException(LauncherException.SERVER_FAILED, "Payara Micro was not ready after "
                + timeoutSeconds + " s (" + lastProblem + "); see " + logFile());
    }

    private static String describe(int status) {
        return status < 0 ? "nothing" : "HTTP " + status;
    }

    /** True when the log written since this start contains the text (reads only what is new). */
    private boolean logContains(String text) {
        try (RandomAccessFile file = new RandomAccessFile(logFile().toFile(), "r")) {
            long length = file.length();
            long from = Math.max(logStart, scanned - text.length());
            if (length <= from) {
                return false;
            }
            byte[] bytes = new byte[(int) Math.min(length - from, 64L * 1024 * 1024)];
            file.seek(from);
            file.readFully(bytes);
            scanned = from + bytes.length;
            return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The HTTP status of GET path, or -1 when nothing answers. */
    int status(String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL()
                    .openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(20000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** Blocks until Payara Micro exits and returns its exit code. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Asks Payara Micro to stop (SIGTERM), waits up to 30 s, then kills it. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                LOG.warn("Payara Micro did not stop within 30 s; killing it");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException(LauncherException.SERVER_FAILED, "interrupted while waiting for Payara Micro");
        }
    }
}
