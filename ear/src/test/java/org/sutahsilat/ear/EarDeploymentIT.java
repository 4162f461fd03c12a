package org.sutahsilat.ear;

import org.junit.jupiter.api.Test;
import org.sutahsilat.db.DatabaseSettings;
import org.sutahsilat.db.EmbeddedDatabase;
import org.sutahsilat.db.Migrations;
import org.sutahsilat.db.PayaraDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploys the EAR on a real Payara Server (full profile) the way an installation does it by hand
 * (see ear/README.md): create a domain, put Connector/J into the domain's lib, start it, create the JDBC
 * pool and resource with {@link PayaraDataSource#commands}, deploy, then ask for the portal start page
 * and the admin login page. Runs only with {@code -Pear-check}; everything it starts is stopped in
 * {@code finally}, also when an assertion fails.
 */
class EarDeploymentIT {

    private static final String DOMAIN = "ci";
    private static final String APP = "su-tahsilat";
    /** Port offsets of a Payara 6 domain created with --portbase (admin 48, http 80, https 81, ...). */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};
    private static final Pattern FACES_RESOURCE =
            Pattern.compile("(?:src|href)=\"([^\"]*jakarta\\.faces\\.resource/[^\"]*)\"");
    private static final Pattern PASSWORD_INPUT =
            Pattern.compile("<input[^>]*type=\"password\"", Pattern.CASE_INSENSITIVE);

    private final Path payaraHome = Path.of(required("ear.check.payaraHome")).toAbsolutePath();
    private final Path ear = Path.of(required("ear.check.earFile")).toAbsolutePath();
    private final Path work = Path.of(required("ear.check.workDir")).toAbsolutePath();
    private final String portalContext = withSlash(System.getProperty("ear.check.portalContext", "/"));
    private final String adminContext = withSlash(System.getProperty("ear.check.adminContext", "/admin"));
    private final Path domainDir = payaraHome.resolve("glassfish").resolve("domains").resolve(DOMAIN);
    private final long started = System.nanoTime();
    private int adminPort;

    @Test
    void deploysOnPayaraServerAndServesThePortalAndTheAdminLogin() throws Exception {
        assertThat(ear).as("EAR").isRegularFile();
        assertThat(payaraHome.resolve("bin/asadmin")).as("unpacked Payara Server").isRegularFile();
        CompletableFuture<Database> database = null;
        boolean domainCreated = false;
        boolean deployAttempted = false;
        try {
            removeLeftoverDomain();
            Files.createDirectories(work);
            Path dbDir = freshDir(work.resolve("db"));
            // MariaDB starts and migrates while asadmin creates the domain (both take a while)
            database = CompletableFuture.supplyAsync(() -> Database.start(dbDir));

            int portBase = freePortBase();
            adminPort = portBase + 48;
            int httpPort = portBase + 80;
            domainCreated = true;
            asadmin(180, "create-domain", "--nopassword=true", "--portbase", String.valueOf(portBase), DOMAIN)
                    .assertSuccess();
            step("domain " + DOMAIN + " created, portbase " + portBase);

            DatabaseSettings settings = join(database).settings();
            step("database on port " + join(database).db().port() + " migrated");

            // Connector/J for the pool: into the domain's lib before the first start (no restart needed)
            Path driver = jarOf(com.mysql.cj.jdbc.Driver.class);
            Files.copy(driver, domainDir.resolve("lib").resolve(driver.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);

            asadmin(240, "start-domain", DOMAIN).assertSuccess();
            step("domain started, admin " + adminPort + ", http " + httpPort);

            for (String command : PayaraDataSource.commands(settings)) {
                remote(120, command.trim().split("\\s+")).assertSuccess();
            }
            remote(120, "ping-connection-pool", PayaraDataSource.POOL_NAME).assertSuccess();
            step("JDBC resource " + PayaraDataSource.JNDI_NAME + " created and pinged");

            // the portal signs its URL tokens (printed QR codes, payment links): a key, as every installation sets
            // (33 random bytes: base64 without '=' padding, which asadmin would read as a separator)
            byte[] tokenKey = new byte[33];
            new java.security.SecureRandom().nextBytes(tokenKey);
            remote(120, "create-system-properties", "su.portal.token-key="
                    + java.util.Base64.getEncoder().encodeToString(tokenKey)).assertSuccess();

            deployAttempted = true;
            remote(420, "deploy", "--name", APP, "--force=true", ear.toString()).assertSuccess();
            step("EAR deployed");

            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String base = "http://localhost:" + httpPort;

            HttpResponse<String> portal = get(http, base + portalContext);
            assertThat(portal.statusCode()).as("portal start page %s", portal.uri()).isEqualTo(200);
            assertThat(portal.headers().firstValue("Content-Type").orElse(""))
                    .as("portal content type").startsWith("text/html");
            String marker = System.getProperty("ear.check.portalMarker", "").strip();
            if (!marker.isEmpty()) {
                assertThat(portal.body()).as("portal start page %s", portal.uri()).contains(marker);
            }
            checkFacesResources(http, portal);
            step("portal page " + portal.uri() + " answered (" + portal.body().length() + " chars)");

            HttpResponse<String> admin = get(http, base + adminContext);
            assertThat(admin.statusCode()).as("admin page %s", admin.uri()).isEqualTo(200);
            assertThat(admin.uri().getPath()).as("where /admin/ led").startsWith(adminContext);
            assertThat(admin.headers().firstValue("Content-Type").orElse(""))
                    .as("admin content type").startsWith("text/html");
            assertThat(admin.body()).as("the admin application shows its login page at %s", admin.uri())
                    .containsPattern(PASSWORD_INPUT);
            checkFacesResources(http, admin);
            step("admin " + base + adminContext + " led to the login page " + admin.uri());
        } catch (Throwable failure) {
            printServerLogTail(100);
            throw failure;
        } finally {
            try {
                if (deployAttempted) {
                    remote(120, "undeploy", APP).report();
                }
            } catch (RuntimeException e) {
                System.out.println("[ear-check] WARNING: undeploy failed: " + e);
            }
            try {
                if (domainCreated && Files.isDirectory(domainDir) && !asadmin(120, "stop-domain", DOMAIN).ok()) {
                    asadmin(60, "stop-domain", "--kill=true", DOMAIN).report();
                }
            } catch (RuntimeException e) {
                System.out.println("[ear-check] WARNING: stop-domain failed: " + e);
            }
            if (database != null) {
                try {
                    join(database).db().close();
                } catch (Exception e) {
                    System.out.println("[ear-check] WARNING: database not stopped cleanly: " + e);
                }
            }
            step("cleaned up");
        }
    }

    /** The embedded MariaDB, migrated, with one institution. */
    private record Database(EmbeddedDatabase db, DatabaseSettings settings) {
        static Database start(Path dir) {
            EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0);
            try {
                DatabaseSettings settings = db.createDatabase("sutahsilat");
                Migrations.migrate(settings);
                insertDemoInstitution(settings);
                return new Database(db, settings);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    // ---- HTTP --------------------------------------------------------------------------------------

    /** GET with patience for an application that is still starting (connection refused, 404, 503). */
    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html").header("Accept-Language", "tr").GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long notFoundDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                // 503: still starting; 404 right after a successful deploy: give it a few seconds only
                if ((status == 503 || status == 404 && System.nanoTime() < notFoundDeadline)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(1000);
                    continue;
                }
                if (status != 200) {
                    System.out.println("[ear-check] GET " + url + " -> " + status + " " + response.uri()
                            + "\n" + abbreviate(response.body(), 3000));
                }
                return response;
            } catch (ConnectException e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    /** Every Faces resource (PrimeFaces CSS/JS from lib/) that the page links must load. */
    private static void checkFacesResources(HttpClient http, HttpResponse<String> page) throws Exception {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = FACES_RESOURCE.matcher(page.body());
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        if (links.isEmpty()) {
            System.out.println("[ear-check] " + page.uri() + " links no Faces resources");
            return;
        }
        for (String link : links) {
            URI uri = page.uri().resolve(link);
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as("Faces resource %s linked from %s", uri, page.uri()).isEqualTo(200);
            assertThat(r.body().length).as("size of %s", uri).isPositive();
        }
        System.out.println("[ear-check] " + links.size() + " Faces resources of " + page.uri() + " load");
    }

    // ---- asadmin -----------------------------------------------------------------------------------

    private Result remote(int timeoutSeconds, String... command) {
        List<String> args = new ArrayList<>(List.of("--host", "localhost", "--port", String.valueOf(adminPort)));
        args.addAll(Arrays.asList(command));
        return asadmin(timeoutSeconds, args.toArray(String[]::new));
    }

    /**
     * Runs {@code bin/asadmin} with AS_JAVA set to this JVM's home. Output goes to a file, not a pipe:
     * start-domain leaves a server process behind that must not hold our stream open.
     */
    private Result asadmin(int timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", payaraHome.resolve("bin/asadmin").toString(),
                "--interactive=false"));
        command.addAll(Arrays.asList(args));
        String shown = String.join(" ", command.subList(2, command.size())).replaceAll("\\bpassword=[^:\\s]*", "password=***");
        try {
            Files.createDirectories(work);
            Path out = Files.createTempFile(work, "asadmin-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("AS_JAVA", System.getProperty("java.home"));
            long t0 = System.nanoTime();
            Process process = pb.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            // asadmin output may hold odd bytes: decode leniently, drop NULs (grep -a)
            String output = new String(Files.readAllBytes(out), StandardCharsets.UTF_8).replace("\0", "");
            Files.deleteIfExists(out);
            int exit = finished ? process.exitValue() : -1;
            System.out.printf("[ear-check] asadmin %s -> %s in %.1f s%n%s%n", shown,
                    finished ? "exit " + exit : "TIMEOUT after " + timeoutSeconds + " s",
                    (System.nanoTime() - t0) / 1e9, indent(output.strip()));
            return new Result(shown, exit, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running asadmin " + shown, e);
        }
    }

    private record Result(String command, int exit, String output) {
        boolean ok() {
            return exit == 0;
        }

        void assertSuccess() {
            assertThat(exit).as("asadmin %s failed:%n%s", command, output).isZero();
        }

        void report() {
            if (!ok()) {
                System.out.println("[ear-check] WARNING: asadmin " + command + " failed during clean-up");
            }
        }
    }

    // ---- set-up helpers ----------------------------------------------------------------------------

    /** A domain left behind by an interrupted run: stop whatever runs in it and delete it. */
    private void removeLeftoverDomain() throws IOException {
        if (Files.isDirectory(domainDir)) {
            System.out.println("[ear-check] removing leftover domain " + domainDir);
            asadmin(60, "stop-domain", "--kill=true", DOMAIN);
            deleteRecursively(domainDir);
        }
    }

    /** One institution so that the portal has something to list. Optional: the schema may move on. */
    private static void insertDemoInstitution(DatabaseSettings settings) {
        try (Connection c = settings.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO institution (code, name, kind, province, district, created_at)"
                    + " VALUES ('EARCHECK', 'Çamlıca Köyü', 'VILLAGE', 'Bolu', 'Mudurnu', UTC_TIMESTAMP(6))");
        } catch (SQLException e) {
            System.out.println("[ear-check] WARNING: demo institution not inserted: " + e.getMessage());
        }
    }

    /** The first portbase from 10000 up (step 100) whose domain ports are all free. */
    private static int freePortBase() {
        for (int base = 10000; base <= 60000; base += 100) {
            boolean free = true;
            for (int offset : PORT_OFFSETS) {
                if (!portFree(base + offset)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free portbase between 10000 and 60000");
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private void printServerLogTail(int lines) {
        Path log = domainDir.resolve("logs").resolve("server.log");
        if (!Files.isRegularFile(log)) {
            System.out.println("[ear-check] no server.log at " + log);
            return;
        }
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).replace("\0", "").lines().toList();
            System.out.println("[ear-check] ---- last " + lines + " lines of " + log + " ----");
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
            System.out.println("[ear-check] ---- end of server.log ----");
            Path copy = work.resolve("server.log");
            Files.copy(log, copy, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("[ear-check] full log kept at " + copy);
        } catch (IOException e) {
            System.out.println("[ear-check] cannot read " + log + ": " + e);
        }
    }

    private void step(String what) {
        System.out.printf("[ear-check] %6.1f s  %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    private static Path freshDir(Path dir) throws IOException {
        deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven: -Pear-check)");
        }
        return value;
    }

    private static String withSlash(String context) {
        String c = context.startsWith("/") ? context : "/" + context;
        return c.endsWith("/") ? c : c + "/";
    }

    private static String indent(String text) {
        return text.isEmpty() ? "    (no output)" : text.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
