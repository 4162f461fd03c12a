package org.sutahsilat.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The kill -9 demonstration (issue 3, item 3), as a user would do it with the built jar: a village with many
 * subscribers ({@code --demo-subscribers}), the admin starts its billing run on the billing page, the launcher and
 * every process under it (Payara Micro, MariaDB) are killed with SIGKILL while the run is halfway, the launcher is
 * started again on the same folder, the page shows the interrupted run and "Devam et" resumes it; at the end every
 * subscriber has exactly one bill, the bill numbers run from 1 to N without a gap or a duplicate, and every total is
 * the tariff's. Two launcher starts: about two minutes.
 */
class KillDemoIT {

    private static final Path JAR = Path.of(System.getProperty("su.launcher.jar", "target/su-tahsilat.jar"));
    private static final Path FOLDER = Path.of("target", "kill-demo-it").toAbsolutePath();
    private static final long READY_TIMEOUT_SECONDS = Long.getLong("launcher.it.readyTimeout", 180);
    private static final int SUBSCRIBERS = Integer.getInteger("killdemo.subscribers", 12000);
    /** Small chunks: many commits, so that the kill lands between two of them. */
    private static final Map<String, String> ENV = Map.of("SU_BILLING_CHUNK_SIZE", "100",
            "SU_BILLING_LEASE_SECONDS", "20");
    private static final String PASSWORD_LINE = "first login: user admin, password ";

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process p : started) {
            List<ProcessHandle> children = p.descendants().toList();
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aBillingRunKilledWithSigkillAndResumedFromThePageBillsEveryoneOnceWithoutGaps() throws Exception {
        assertThat(JAR).as("run after mvn package").isRegularFile();
        deleteTree(FOLDER);
        Files.createDirectories(FOLDER);

        // 1. first start: demo data and the load-test village
        int port = freePort();
        Launch first = Launch.start(FOLDER, 1, "--port", Integer.toString(port), "--demo-subscribers",
                Integer.toString(SUBSCRIBERS));
        started.add(first.process);
        first.awaitReady();
        String password = first.line(PASSWORD_LINE).split(PASSWORD_LINE)[1].split(" ")[0];
        assertThat(first.line("load demo: added ")).contains(SUBSCRIBERS + " subscribers");
        long institution;
        String period;
        try (Connection db = first.database()) {
            institution = single(db, "SELECT id FROM institution WHERE code = 'YUK-DENEME'");
            period = text(db, "SELECT MAX(period) FROM reading WHERE institution_id = " + institution);
        }

        // 2. the admin starts the run on the billing page
        Browser admin = Browser.login(port, password);
        Browser.Page billing = admin.get("billing.xhtml");
        assertThat(billing.body).contains("Yük Deneme Köyü");
        Browser.Page startedPage = admin.ajax("billing.xhtml", billing, "billingForm:start", Map.of(
                "billingForm:institution_input", Long.toString(institution), "billingForm:period", period));
        assertThat(startedPage.status).isEqualTo(200);

        // 3. kill -9 the whole tree once a sixth of the subscribers are billed (some, not all, chunks committed)
        long killedAt;
        try (Connection db = first.database()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                long processed = runProcessed(db, institution, period);
                assertThat(processed).as("the run ended before the kill: use more subscribers").isLessThan(SUBSCRIBERS);
                if (processed >= SUBSCRIBERS / 6) {
                    killedAt = processed;
                    break;
                }
                assertThat(System.nanoTime()).as("no chunk committed within 120 s").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
        first.killWithSigkill();
        System.out.printf(Locale.ROOT, "KillDemoIT: killed (SIGKILL) the launcher, Payara Micro and MariaDB after"
                + " %d of %d subscribers%n", killedAt, SUBSCRIBERS);

        // 4. restart on the same folder: the run is interrupted halfway, with consistent counters
        Launch second = Launch.start(FOLDER, 2, "--port", Integer.toString(freePort()));
        started.add(second.process);
        second.awaitReady();
        long runId;
        try (Connection db = second.database()) {
            runId = single(db, "SELECT id FROM billing_run WHERE institution_id = " + institution
                    + " AND period = '" + period + "'");
            assertThat(text(db, "SELECT status FROM billing_run WHERE id = " + runId)).isEqualTo("RUNNING");
            long processed = single(db, "SELECT processed FROM billing_run WHERE id = " + runId);
            long bills = single(db, "SELECT COUNT(*) FROM bill WHERE billing_run_id = " + runId);
            assertThat(processed).as("halfway").isGreaterThanOrEqualTo(killedAt).isLessThan(SUBSCRIBERS);
            assertThat(bills).as("committed chunks only: bills and counters agree").isEqualTo(processed)
                    .isEqualTo(single(db, "SELECT bills_created FROM billing_run WHERE id = " + runId));
            System.out.printf(Locale.ROOT, "KillDemoIT: after the restart the run stands at %d of %d%n", processed,
                    SUBSCRIBERS);
        }

        // 5. the page shows the interrupted run (once its lease has run out) and "Devam et" resumes it
        Browser again = Browser.login(second.port, password);
        Browser.Page page = again.get("billing.xhtml");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!page.body.contains("Yarıda kaldı")) {
            assertThat(System.nanoTime()).as("the interrupted run is not shown: " + page.body).isLessThan(deadline);
            Thread.sleep(2000);
            page = again.get("billing.xhtml");
        }
        assertThat(page.body).contains("Devam et").contains("Tamamlanmamış faturalamalar");
        Browser.Page resumed = again.ajax("billing.xhtml", page, "billingForm:unfinished:0:resume",
                Map.of("run", Long.toString(runId)));
        assertThat(resumed.status).isEqualTo(200);

        try (Connection db = second.database()) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (!"COMPLETED".equals(text(db, "SELECT status FROM billing_run WHERE id = " + runId))) {
                assertThat(System.nanoTime()).as("not COMPLETED within 300 s").isLessThan(until);
                Thread.sleep(500);
            }

            // 6. exactly one bill per subscriber, numbers 1..N without gap or duplicate, every total right
            assertThat(single(db, "SELECT COUNT(*) FROM bill WHERE billing_run_id = " + runId)).isEqualTo(SUBSCRIBERS);
            assertThat(single(db, "SELECT COUNT(DISTINCT subscriber_id) FROM bill WHERE billing_run_id = " + runId))
                    .isEqualTo(SUBSCRIBERS);
            assertThat(single(db, "SELECT COUNT(*) FROM subscriber s WHERE s.institution_id = " + institution
                    + " AND NOT EXISTS (SELECT 1 FROM bill b WHERE b.billing_run_id = " + runId
                    + " AND b.subscriber_id = s.id)")).as("subscribers without a bill").isZero();
            assertThat(single(db, "SELECT COUNT(DISTINCT bill_no) FROM bill WHERE institution_id = " + institution))
                    .isEqualTo(SUBSCRIBERS);
            int year = Integer.parseInt(period.substring(0, 4));
            String prefix = "YUK-DENEME-" + year + "-";
            assertThat(text(db, "SELECT MIN(bill_no) FROM bill WHERE institution_id = " + institution))
                    .isEqualTo(prefix + "000001");
            assertThat(text(db, "SELECT MAX(bill_no) FROM bill WHERE institution_id = " + institution))
                    .isEqualTo(prefix + String.format(Locale.ROOT, "%06d", SUBSCRIBERS));
            assertThat(single(db, "SELECT next_value FROM bill_number_sequence WHERE institution_id = " + institution
                    + " AND year = " + year)).isEqualTo(SUBSCRIBERS + 1L);
            assertThat(single(db, "SELECT COUNT(*) FROM bill b WHERE b.billing_run_id = " + runId
                    + " AND b.total <> (SELECT SUM(l.amount) FROM bill_line l WHERE l.bill_id = b.id)"))
                    .as("bills whose total is not the sum of their lines").isZero();
            Map<Long, BigDecimal> totalByConsumption = new LinkedHashMap<>();
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT r.consumption_m3,"
                    + " b.total, COUNT(*) FROM bill b JOIN reading r ON r.id = b.reading_id WHERE b.billing_run_id = "
                    + runId + " GROUP BY r.consumption_m3, b.total")) {
                while (rs.next()) {
                    BigDecimal before = totalByConsumption.put(rs.getLong(1), rs.getBigDecimal(2));
                    assertThat(before).as("one total per consumption").isNull();
                }
            }
            assertThat(totalByConsumption).isNotEmpty();
            totalByConsumption.forEach((m3, total) -> assertThat(total).as(m3 + " m³").isEqualByComparingTo(
                    tariffTotal(m3)));
            assertThat(single(db, "SELECT processed FROM billing_run WHERE id = " + runId)).isEqualTo(SUBSCRIBERS);
        }
        second.stop();
    }

    /** The load-test village's tariff: 0–8 m³ at 4, 8–16 at 6, above at 9, fixed fee 10, no KDV. */
    private static BigDecimal tariffTotal(long m3) {
        long water = Math.min(m3, 8) * 4 + Math.max(0, Math.min(m3, 16) - 8) * 6 + Math.max(0, m3 - 16) * 9;
        return BigDecimal.valueOf(water + 10);
    }

    private static long runProcessed(Connection db, long institution, String period) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT processed FROM billing_run WHERE institution_id = ?"
                + " AND period = ?")) {
            ps.setLong(1, institution);
            ps.setString(2, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
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

    /** The launcher as a process, its console in files. */
    private static final class Launch {
        final Process process;
        final int port;
        private final long startedAt = System.nanoTime();
        private final Path out;
        private final Path err;

        private Launch(Process process, int port, Path out, Path err) {
            this.process = process;
            this.port = port;
            this.out = out;
            this.err = err;
        }

        static Launch start(Path workDir, int n, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toAbsolutePath().toString()));
            command.addAll(List.of(args));
            Path out = workDir.resolveSibling(workDir.getFileName() + "-console-" + n + ".out");
            Path err = workDir.resolveSibling(workDir.getFileName() + "-console-" + n + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("SU_"));
            builder.environment().putAll(ENV);
            int port = Integer.parseInt(args[List.of(args).indexOf("--port") + 1]);
            return new Launch(builder.start(), port, out, err);
        }

        void awaitReady() throws InterruptedException {
            long deadline = startedAt + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline) {
                if (lines(out).stream().anyMatch(l -> l.contains("su-tahsilat: ready in "))) {
                    lines(out).forEach(l -> System.out.println("[launcher] "
                            + l.replaceAll("password \\S+", "password ****")));
                    return;
                }
                if (!process.isAlive()) {
                    fail("the launcher exited with " + process.exitValue() + " before it was ready: " + lines(err));
                }
                Thread.sleep(200);
            }
            fail("not ready within " + READY_TIMEOUT_SECONDS + " s: " + lines(out) + lines(err));
        }

        String line(String containing) {
            return lines(out).stream().filter(l -> l.contains(containing)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line with '" + containing + "' in " + lines(out)));
        }

        /**
         * The embedded MariaDB of this start (the launcher prints its port), as the application's database user
         * (its generated password is in the data folder's secrets).
         */
        Connection database() throws SQLException {
            Matcher m = Pattern.compile("embedded MariaDB started on 127\\.0\\.0\\.1:(\\d+)").matcher(
                    line("embedded MariaDB started on"));
            assertThat(m.find()).isTrue();
            java.util.Properties secrets = new java.util.Properties();
            try (java.io.Reader r = Files.newBufferedReader(FOLDER.resolve("data/secrets.properties"))) {
                secrets.load(r);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + m.group(1)
                    + "/sutahsilat?connectionTimeZone=UTC&sslMode=DISABLED&allowPublicKeyRetrieval=true", "sutahsilat",
                    secrets.getProperty("embedded.db.password"));
        }

        /** kill -9 of the launcher and every process under it, as a power cut would end them. */
        void killWithSigkill() throws InterruptedException {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            assertThat(tree).as("Payara Micro and MariaDB run under the launcher").hasSizeGreaterThanOrEqualTo(2);
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            tree.forEach(ProcessHandle::destroyForcibly);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle p : tree) {
                p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            }
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        private static List<String> lines(Path file) {
            try {
                return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Just enough of a browser for JSF: cookies, the ViewState, form posts and PrimeFaces AJAX posts. */
    private static final class Browser {
        record Page(int status, String body) {
            String viewState() {
                Matcher m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(body);
                if (!m.find()) {
                    m = Pattern.compile("jakarta.faces.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]*)]]>").matcher(body);
                    assertThat(m.find()).as("no ViewState in " + body).isTrue();
                }
                return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
            }
        }

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private final Map<String, String> cookies = new LinkedHashMap<>();

        private Browser(int port) {
            this.base = "http://localhost:" + port + "/admin/";
        }

        static Browser login(int port, String password) throws Exception {
            Browser b = new Browser(port);
            Page login = b.get("login.xhtml");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("loginForm", "loginForm");
            form.put("loginForm:username", "admin");
            form.put("loginForm:password", password);
            form.put("loginForm:submit", "");
            form.put("jakarta.faces.ViewState", login.viewState());
            Page r = b.post("login.xhtml", form, Map.of());
            assertThat(r.status).as("admin login: " + r.body).isEqualTo(302);
            return b;
        }

        Page get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        Page ajax(String path, Page page, String source, Map<String, String> values) throws Exception {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("jakarta.faces.partial.ajax", "true");
            form.put("jakarta.faces.source", source);
            form.put("jakarta.faces.partial.execute", source.endsWith(":start") ? "billingForm" : source);
            form.put("jakarta.faces.partial.render", "billingForm");
            form.put(source, source);
            form.put("billingForm", "billingForm");
            form.putAll(values);
            form.put("jakarta.faces.ViewState", page.viewState());
            return post(path, form, Map.of("Faces-Request", "partial/ajax"));
        }

        Page post(String path, Map<String, String> form, Map<String, String> headers) throws Exception {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(b::header);
            return send(b);
        }

        private Page send(HttpRequest.Builder b) throws Exception {
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String c : r.headers().allValues("set-cookie")) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
            return new Page(r.statusCode(), unescape(r.body()));
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        private static String unescape(String html) {
            Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
                m.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(cp))));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }
}
