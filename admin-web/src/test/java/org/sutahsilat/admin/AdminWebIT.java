package org.sutahsilat.admin;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.assertj.core.api.SoftAssertions;
import org.sutahsilat.domain.user.PasswordHashing;

import java.io.File;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All container tests of admin-web, against the real built WAR (deployed as admin.war, context root /admin) on
 * Payara Micro with the embedded MariaDB. Data: institutions A and B with subscribers, and the users
 * operator-a (OPERATOR of A), admin (COMPANY_ADMIN) and lockme (OPERATOR of A).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminWebIT {

    static final String PASSWORD = "Dogru-Parola-2026!";
    static final String[][] A_SUBSCRIBERS = {
            {"7100000001", "Ayşe Yılmaz", "RESIDENTIAL", "05321234567"},
            {"7100000002", "Mehmet Çelik", "COMMERCIAL", "05329876543"},
            {"7100000003", "İsmail Öztürk", "AGRICULTURAL", null}};
    static final String[][] B_SUBSCRIBERS = {
            {"8299990001", "Zeynep Güneş", "RESIDENTIAL", "05441112233"},
            {"8299990002", "Hüseyin Kaya", "LIVESTOCK", null}};

    /** Subscribers of A only the billing test uses (RESIDENTIAL, with readings), and their consumption. */
    static final String[][] A_BILLED = {
            {"7100000004", "Fatma Demir", "RESIDENTIAL", null}, {"7100000005", "Ali Şahin", "RESIDENTIAL", null}};
    static final String BILLING_PERIOD = "2026-10";

    static long institutionA;
    static long institutionB;

    @Deployment(testable = false)
    static WebArchive deployment() throws SQLException {
        seed();
        return ShrinkWrap.create(ZipImporter.class, "admin.war")
                .importFrom(new File(System.getProperty("su.test.war"))).as(WebArchive.class);
    }

    @ArquillianResource
    URL base;

    // ---------------------------------------------------------------- (a) anonymous access

    @Test
    void protectedPagesRedirectToLogin() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (String page : List.of("", "index.xhtml", "subscribers.xhtml", "subscribers.xhtml?institution=1",
                "nonexistent.xhtml")) {
            WebClient.Response r = new WebClient(base).get(page);
            soft.assertThat(r.redirectsToLogin()).as(page + " -> " + r.status() + " " + r.location()).isTrue();
        }
        soft.assertAll();
    }

    @Test
    void loginPageAndResourcesAreOpen() throws Exception {
        WebClient c = new WebClient(base);
        WebClient.Response login = c.get("login.xhtml");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text()).contains("Giriş").contains("Kullanıcı adı");
        assertThat(login.body()).contains("name=\"viewport\"");
        assertThat(c.get("jakarta.faces.resource/css/admin.css.xhtml").status()).isEqualTo(200);
        assertThat(c.get("jakarta.faces.resource/theme.css.xhtml?ln=primefaces-saga-blue").status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- (b) path tricks never reach a page

    static final List<String> TRICKY_TARGETS = List.of(
            "/admin;x/", "/admin;x/subscribers.xhtml", "/admin/;x/subscribers.xhtml", "/admin/./subscribers.xhtml",
            "//admin/", "//admin/subscribers.xhtml", "/ADMIN/", "/ADMIN/subscribers.xhtml", "/admin/SUBSCRIBERS.xhtml",
            "/admin/%2e/subscribers.xhtml", "/admin/%2E/subscribers.xhtml", "/admin/subscribers.xhtml;jsessionid=x",
            "/admin/subscribers.xhtml;x=y", "/admin/%73ubscribers.xhtml", "/admin/%73%75%62scribers.xhtml",
            "/admin/jakarta.faces.resource/../subscribers.xhtml",
            "/admin/jakarta.faces.resource/%2e%2e/subscribers.xhtml",
            "/admin/jakarta.faces.resource/%2E%2E/subscribers.xhtml",
            "/admin/jakarta.faces.resource/..%2fsubscribers.xhtml",
            "/admin/jakarta.faces.resource/%2e%2e%2fsubscribers.xhtml",
            "/admin/jakarta.faces.resource/..;/subscribers.xhtml",
            "/admin/jakarta.faces.resource/..%3b/subscribers.xhtml",
            "/admin/jakarta.faces.resource/..%5csubscribers.xhtml",
            "/admin/jakarta.faces.resource\\..\\subscribers.xhtml",
            "/admin/jakarta.faces.resource/subscribers.xhtml",
            "/admin/jakarta.faces.resource/%2e%2e/%2e%2e/admin/subscribers.xhtml",
            "/admin/login.xhtml/../subscribers.xhtml", "/admin/login.xhtml;/../subscribers.xhtml",
            "/admin/login.xhtml/%2e%2e/subscribers.xhtml", "/admin/error.xhtml/../subscribers.xhtml",
            "/admin/subscribers.xhtml%00", "/admin/subscribers.xhtml%20", "/admin/subscribers.xhtml/",
            "/admin/subscribers.xhtml?x=/login.xhtml", "/admin/%2fsubscribers.xhtml", "/admin//subscribers.xhtml",
            "/admin/%252e/subscribers.xhtml", "/admin/subscribers.xhtml%3bjsessionid=x",
            "/admin/jakarta.faces.resource/subscribers.xhtml?ln=..", "/admin/index.xhtml", "/admin/logout",
            "/admin/WEB-INF/templates/main.xhtml", "/admin/WEB-INF/shiro.ini", "/admin/WEB-INF/web.xml",
            "/admin/subscribers.xhtml%C4%B1", "/admin/subscr\u0131bers.xhtml");

    @Test
    void pathTricksNeverShowProtectedContent() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        StringBuilder seen = new StringBuilder();
        for (String target : TRICKY_TARGETS) {
            WebClient.Response r = new WebClient(base).raw(target, false);
            seen.append(target).append(" -> ").append(r.status()).append(' ').append(r.location()).append('\n');
            soft.assertThat(r.status()).as(target + " -> " + r.status() + " " + r.location())
                    .isIn(301, 302, 303, 307, 400, 403, 404, 405);
            if (r.status() >= 300 && r.status() < 400) {
                // to the login page, or (container) from "/admin;x" to the application root, which needs a login
                soft.assertThat(r.location()).as(target).matches(".*/admin/(login\\.xhtml.*)?");
            }
            soft.assertThatCode(() -> assertNoProtectedContent(target, r.body())).as(target).doesNotThrowAnyException();
        }
        System.out.println("[AdminWebIT] path tricks:\n" + seen);
        soft.assertAll();
    }

    // ---------------------------------------------------------------- (c) wrong password

    @Test
    void wrongPasswordAndUnknownUserGetTheSameGenericMessage() throws Exception {
        WebClient c = new WebClient(base);
        WebClient.Response wrong = login(c, "operator-a", "wrong-password-123");
        WebClient.Response unknown = login(c, "nobody-here", "wrong-password-123");
        for (WebClient.Response r : List.of(wrong, unknown)) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).contains("Kullanıcı adı veya parola hatalı.").doesNotContain("kilitlendi");
            assertThat(r.setCookies()).noneMatch(s -> s.startsWith("JSESSIONID="));
        }
        assertThat(errorMessage(wrong)).isEqualTo(errorMessage(unknown));
        assertThat(c.get("subscribers.xhtml").redirectsToLogin()).isTrue();
    }

    // ---------------------------------------------------------------- (d) lock-out

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        WebClient c = new WebClient(base);
        for (int i = 0; i < 5; i++) {
            login(c, "lockme", "wrong-password-" + i);
        }
        WebClient.Response r = login(c, "lockme", PASSWORD);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("Hesap kilitlendi");
        assertThat(c.get("index.xhtml").redirectsToLogin()).isTrue();
    }

    // ---------------------------------------------------------------- (e) login, session, tenant isolation

    @Test
    void loginChangesTheSessionIdAndSetsCookieFlags() throws Exception {
        WebClient c = new WebClient(base);
        WebClient.Response page = c.get("login.xhtml");
        String before = c.cookie("JSESSIONID");
        assertThat(before).as("the login page has a session (its ViewState)").isNotBlank();
        WebClient.Response r = post(c, "login.xhtml", page, loginForm("operator-a", PASSWORD));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/admin/index.xhtml");
        String after = c.cookie("JSESSIONID");
        assertThat(after).isNotBlank().isNotEqualTo(before);
        String cookie = r.setCookies().stream().filter(s -> s.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie.toLowerCase()).contains("httponly").contains("samesite=lax").contains("path=/admin");
        assertThat(cookie.toLowerCase()).as("plain HTTP: not Secure unless su.cookie.secure=true")
                .doesNotContain("secure;").doesNotEndWith("secure");
        WebClient.Response home = c.follow(r);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("Operatör A").contains("Köy A Kurumu").doesNotContain("Belde B Kurumu");
        // the id from before the login does not carry the login
        assertThat(rawWithSession(before, "/admin/index.xhtml").status()).isEqualTo(302);
        assertThat(rawWithSession(after, "/admin/index.xhtml").status()).isEqualTo(200);
    }

    @Test
    void afterLoginTheUserGetsThePageFirstAskedFor() throws Exception {
        WebClient c = new WebClient(base);
        WebClient.Response asked = c.get("subscribers.xhtml?institution=" + institutionA);
        assertThat(asked.redirectsToLogin()).isTrue();
        WebClient.Response page = c.follow(asked);
        WebClient.Response r = post(c, "login.xhtml", page, loginForm("operator-a", PASSWORD));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/admin/subscribers.xhtml?institution=" + institutionA);
        assertOnlyA(c.follow(r));
    }

    @Test
    void operatorSeesOnlyTheirInstitution() throws Exception {
        WebClient c = loggedIn("operator-a");
        WebClient.Response list = c.get("subscribers.xhtml");
        assertThat(list.status()).isEqualTo(200);
        assertOnlyA(list);
        assertThat(list.text()).contains("Aboneler").contains("***").doesNotContain("05321234567")
                .doesNotContain("1234567");
        assertThat(list.text()).contains("Mesken").contains("İşyeri");

        WebClient.Response crafted = c.get("subscribers.xhtml?institution=" + institutionB);
        assertThat(crafted.status()).isEqualTo(200);
        assertNoB(crafted.text());
        assertThat(crafted.text()).doesNotContain("Ayşe Yılmaz");
    }

    @Test
    void craftedAjaxFilterForAnotherInstitutionReturnsNothingOfIt() throws Exception {
        WebClient c = loggedIn("operator-a");
        WebClient.Response page = c.get("subscribers.xhtml");
        String institutionInput = page.inputName("subscribersForm:tbl:[^\"]*institutionFilter_input");
        String nameInput = page.inputName("subscribersForm:tbl:colName:filter");

        // the request format works: a name filter narrows A's list
        WebClient.Response byName = ajaxFilter(c, page, Map.of(nameInput, "Çelik"));
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.text()).contains("Mehmet Çelik").doesNotContain("Ayşe Yılmaz");

        WebClient.Response forB = ajaxFilter(c, page, Map.of(institutionInput, Long.toString(institutionB)));
        assertThat(forB.status()).isEqualTo(200);
        assertNoB(forB.text());
    }

    @Test
    void csvExportIsTenantScoped() throws Exception {
        WebClient c = loggedIn("operator-a");
        WebClient.Response page = c.get("subscribers.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("subscribersForm", "subscribersForm");
        form.put("subscribersForm:csv", "");
        WebClient.Response csv = post(c, "subscribers.xhtml", page, form);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).contains("csv");
        assertThat(csv.body()).contains("Ayşe Yılmaz").contains("7100000003").contains("Mehmet Çelik");
        assertNoB(csv.body());

        WebClient.Response craftedPage = c.get("subscribers.xhtml?institution=" + institutionB);
        WebClient.Response csvB = post(c, "subscribers.xhtml?institution=" + institutionB, craftedPage, form);
        assertThat(csvB.status()).isEqualTo(200);
        assertNoB(csvB.body());
    }

    @Test
    void companyAdminSeesEveryInstitution() throws Exception {
        WebClient c = loggedIn("admin");
        WebClient.Response list = c.get("subscribers.xhtml");
        assertThat(list.text()).contains("Ayşe Yılmaz").contains("Zeynep Güneş").contains("8299990002");
        WebClient.Response onlyB = c.get("subscribers.xhtml?institution=" + institutionB);
        assertThat(onlyB.text()).contains("Zeynep Güneş").doesNotContain("Ayşe Yılmaz");
        WebClient.Response page = c.get("subscribers.xhtml");
        String institutionInput = page.inputName("subscribersForm:tbl:[^\"]*institutionFilter_input");
        WebClient.Response ajaxB = ajaxFilter(c, page, Map.of(institutionInput, Long.toString(institutionB)));
        assertThat(ajaxB.text()).contains("Hüseyin Kaya").doesNotContain("Mehmet Çelik");
    }

    // ---------------------------------------------------------------- (f) logout

    @Test
    void logoutEndsTheSession() throws Exception {
        WebClient c = loggedIn("operator-a");
        String session = c.cookie("JSESSIONID");
        assertThat(c.get("subscribers.xhtml").status()).isEqualTo(200);
        assertThat(c.get("logout").status()).as("logout is POST only").isEqualTo(405);
        WebClient.Response out = c.post("logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).contains("/admin/login.xhtml?loggedOut=true");
        assertThat(c.get("subscribers.xhtml").redirectsToLogin()).isTrue();
        WebClient.Response stale = rawWithSession(session, "/admin/subscribers.xhtml");
        assertThat(stale.status()).isEqualTo(302);
        assertNoProtectedContent("stale session", stale.body());
    }

    // ---------------------------------------------------------------- (g) languages, errors

    @Test
    void turkishByDefaultAndEnglishOnRequest() throws Exception {
        WebClient c = new WebClient(base);
        WebClient.Response tr = c.get("login.xhtml");
        assertThat(tr.text()).contains("Giriş yap").contains("Parola");
        assertThat(tr.body()).contains("lang=\"tr\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("langForm", "langForm");
        form.put("langForm:en", "EN");
        WebClient.Response switched = post(c, "login.xhtml", tr, form);
        assertThat(switched.status()).isEqualTo(302);
        WebClient.Response en = c.follow(switched);
        assertThat(en.text()).contains("Sign in").contains("Password").doesNotContain("Giriş yap");

        // the choice survives login (same session, new id)
        WebClient.Response home = c.follow(post(c, "login.xhtml", en, loginForm("admin", PASSWORD)));
        assertThat(home.text()).contains("Your institutions");
        assertThat(c.get("subscribers.xhtml").text()).contains("Subscribers").contains("Residential");
    }

    @Test
    void turkishPagesAfterLogin() throws Exception {
        WebClient c = loggedIn("operator-a");
        WebClient.Response home = c.get("index.xhtml");
        assertThat(home.text()).contains("Hoş geldiniz, Operatör A.").contains("Kurumlarınız").contains("Çıkış");
        assertThat(home.header("x-frame-options")).isEqualTo("DENY");
    }

    @Test
    void errorsShowAFriendlyTranslatedMessage() throws Exception {
        WebClient c = loggedIn("operator-a");
        WebClient.Response missing = c.get("does-not-exist.xhtml");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("Sayfa bulunamadı.");
        assertNoStackTrace(missing.body());

        WebClient anonymous = new WebClient(base);
        WebClient.Response page = anonymous.get("login.xhtml");
        Map<String, String> form = loginForm("operator-a", PASSWORD);
        form.put("jakarta.faces.ViewState", "-1:-2");
        WebClient.Response expired = anonymous.follow(anonymous.post("login.xhtml", form));
        assertThat(expired.text()).contains("Sayfanın süresi doldu");
        assertNoStackTrace(expired.body());
        assertThat(page.status()).isEqualTo(200);

        WebClient.Response bad = anonymous.raw("/admin/login.xhtml;x", false);
        assertThat(bad.status()).isEqualTo(400);
        assertNoStackTrace(bad.body());
    }

    // ---------------------------------------------------------------- (h) billing run (JTA chunks in the container)

    @Test
    void operatorBillsAPeriodInTheBackgroundOnceAndOnlyForTheirInstitution() throws Exception {
        WebClient c = loggedIn("operator-a");
        WebClient.Response page = c.get("billing.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Faturalandır").contains("Köy A Kurumu").doesNotContain("Belde B Kurumu");

        WebClient.Response started = startRun(c, page, institutionA, BILLING_PERIOD);
        assertThat(started.status()).isEqualTo(200);
        WebClient.Response done = pollUntilCompleted(c, started);
        assertThat(done.text()).contains("Tamamlandı").contains("5 / 5")
                .contains("7100000002").contains("Abone grubu için tarife yok")
                .contains("7100000003").contains("Dönem için okuma yok");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("7100000001", "KOY-A-2026-000001 66.00"); // 12 m³: 8 × 4 + 4 × 6 + 10 fixed fee
        expected.put("7100000004", "KOY-A-2026-000002 30.00"); // 5 m³: 5 × 4 + 10
        expected.put("7100000005", "KOY-A-2026-000003 126.00"); // 20 m³: 8 × 4 + 8 × 6 + 4 × 9 + 10
        assertThat(bills(institutionA)).isEqualTo(expected);
        assertThat(bills(institutionB)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM billing_run WHERE institution_id = " + institutionA
                + " AND status = 'COMPLETED' AND bills_created = 3")).isEqualTo(1);

        // again: the existing run is shown, nothing new is billed
        WebClient.Response again = startRun(c, c.get("billing.xhtml"), institutionA, BILLING_PERIOD);
        assertThat(again.text()).contains("Tamamlandı").contains("Oluşturulan fatura:");
        Thread.sleep(1500);
        assertThat(bills(institutionA)).isEqualTo(expected);
        assertThat(count("SELECT COUNT(*) FROM billing_run WHERE institution_id = " + institutionA)).isEqualTo(1);

        // a crafted request for institution B is refused: no run, no bills
        WebClient.Response forB = startRun(c, c.get("billing.xhtml"), institutionB, BILLING_PERIOD);
        assertThat(forB.status()).isEqualTo(200);
        assertThat(forB.text()).doesNotContain("Tamamlandı").doesNotContain("Devam ediyor");
        Thread.sleep(1500);
        assertThat(count("SELECT COUNT(*) FROM billing_run WHERE institution_id = " + institutionB)).isZero();
        assertThat(bills(institutionB)).isEmpty();
    }

    private static WebClient.Response startRun(WebClient c, WebClient.Response page, long institution, String period)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "billingForm:start");
        form.put("jakarta.faces.partial.execute", "billingForm");
        form.put("jakarta.faces.partial.render", "billingForm");
        form.put("billingForm:start", "billingForm:start");
        form.put("billingForm", "billingForm");
        form.put("billingForm:institution_input", Long.toString(institution));
        form.put("billingForm:period", period);
        form.put("jakarta.faces.ViewState", page.viewState());
        return c.post("billing.xhtml", form, Map.of("Faces-Request", "partial/ajax"));
    }

    private static WebClient.Response pollUntilCompleted(WebClient c, WebClient.Response started) throws Exception {
        String viewState = started.viewState();
        WebClient.Response last = started;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!last.body().contains("id=\"result\"")) {
            assertThat(System.nanoTime()).as("run not COMPLETED in 60 s: " + last.text()).isLessThan(deadline);
            assertThat(last.text()).as("run failed").doesNotContain("Başarısız");
            Thread.sleep(1000);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("jakarta.faces.partial.ajax", "true");
            form.put("jakarta.faces.source", "billingForm:poll");
            form.put("jakarta.faces.partial.execute", "billingForm:poll");
            form.put("jakarta.faces.partial.render", "billingForm:run");
            form.put("billingForm:poll", "billingForm:poll");
            form.put("billingForm", "billingForm");
            form.put("jakarta.faces.ViewState", viewState);
            last = c.post("billing.xhtml", form, Map.of("Faces-Request", "partial/ajax"));
            assertThat(last.status()).isEqualTo(200);
        }
        return last;
    }

    /** subscriber no → "bill no total" of the institution's bills of the billing period. */
    private static Map<String, String> bills(long institution) throws SQLException {
        Map<String, String> bills = new LinkedHashMap<>();
        try (Connection db = db(); PreparedStatement ps = db.prepareStatement("SELECT s.subscriber_no, b.bill_no,"
                + " b.total FROM bill b JOIN subscriber s ON s.id = b.subscriber_id WHERE b.institution_id = ?"
                + " AND b.period = ? ORDER BY b.bill_no")) {
            ps.setLong(1, institution);
            ps.setString(2, BILLING_PERIOD);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bills.put(rs.getString(1), rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString());
                }
            }
        }
        return bills;
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = db(); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getProperty("su.test.db.url"),
                System.getProperty("su.test.db.user"), System.getProperty("su.test.db.password"));
    }

    // ---------------------------------------------------------------- helpers

    private WebClient loggedIn(String user) throws Exception {
        WebClient c = new WebClient(base);
        WebClient.Response page = c.get("login.xhtml");
        WebClient.Response r = post(c, "login.xhtml", page, loginForm(user, PASSWORD));
        assertThat(r.status()).as("login of " + user + ": " + r.text()).isEqualTo(302);
        return c;
    }

    private WebClient.Response login(WebClient c, String user, String password) throws Exception {
        WebClient.Response page = c.get("login.xhtml");
        return post(c, "login.xhtml", page, loginForm(user, password));
    }

    private static Map<String, String> loginForm(String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("loginForm", "loginForm");
        form.put("loginForm:username", user);
        form.put("loginForm:password", password);
        form.put("loginForm:submit", "");
        return form;
    }

    private static WebClient.Response post(WebClient c, String path, WebClient.Response page, Map<String, String> form)
            throws Exception {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("jakarta.faces.ViewState", page.viewState());
        return c.post(path, all);
    }

    private static WebClient.Response ajaxFilter(WebClient c, WebClient.Response page, Map<String, String> filters)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "subscribersForm:tbl");
        form.put("jakarta.faces.partial.execute", "subscribersForm:tbl");
        form.put("jakarta.faces.partial.render", "subscribersForm:tbl");
        form.put("jakarta.faces.behavior.event", "filter");
        form.put("jakarta.faces.partial.event", "filter");
        form.put("subscribersForm:tbl_filtering", "true");
        form.put("subscribersForm:tbl_encodeFeature", "true");
        form.put("subscribersForm", "subscribersForm");
        form.putAll(filters);
        form.put("jakarta.faces.ViewState", page.viewState());
        return c.post("subscribers.xhtml", form, Map.of("Faces-Request", "partial/ajax"));
    }

    private WebClient.Response rawWithSession(String sessionId, String target) throws Exception {
        return new WebClient(base).withCookie("JSESSIONID", sessionId).raw(target, true);
    }

    private static String errorMessage(WebClient.Response r) {
        int i = r.text().indexOf("ui-messages-error-summary");
        return i < 0 ? "" : r.text().substring(i, Math.min(r.text().length(), i + 120));
    }

    private static void assertOnlyA(WebClient.Response r) {
        for (String[] a : A_SUBSCRIBERS) {
            assertThat(r.text()).contains(a[0]).contains(a[1]);
        }
        assertNoB(r.text());
    }

    private static void assertNoB(String text) {
        String t = WebClient.unescape(text);
        for (String[] b : B_SUBSCRIBERS) {
            assertThat(t).doesNotContain(b[0]).doesNotContain(b[1]);
        }
        assertThat(t).doesNotContain("Belde B Kurumu");
    }

    private static void assertNoProtectedContent(String what, String body) {
        String t = WebClient.unescape(body);
        assertThat(t).as(what).doesNotContain("subscribersForm").doesNotContain("subscribersTable")
                .doesNotContain("homeForm").doesNotContain("[main]").doesNotContain("<ui:composition");
        for (String[] s : A_SUBSCRIBERS) {
            assertThat(t).as(what).doesNotContain(s[1]);
        }
        for (String[] s : B_SUBSCRIBERS) {
            assertThat(t).as(what).doesNotContain(s[1]);
        }
        assertNoStackTrace(body);
    }

    private static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContain("at org.").doesNotContain("Exception:").doesNotContain("at jakarta.");
    }

    // ---------------------------------------------------------------- data

    static void seed() throws SQLException {
        String hash = PasswordHashing.hash(PASSWORD);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = DriverManager.getConnection(System.getProperty("su.test.db.url"),
                System.getProperty("su.test.db.user"), System.getProperty("su.test.db.password"))) {
            institutionA = insert(db, "INSERT INTO institution (code, name, kind, province, district, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", "KOY-A", "Köy A Kurumu", "VILLAGE", "Kastamonu", "Taşköprü", now);
            institutionB = insert(db, "INSERT INTO institution (code, name, kind, province, district, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", "BELDE-B", "Belde B Kurumu", "MUNICIPALITY", "Sinop", "Boyabat", now);
            int code = 0;
            long[] a = new long[A_SUBSCRIBERS.length + A_BILLED.length];
            for (String[] s : A_SUBSCRIBERS) {
                a[code] = subscriber(db, institutionA, s, "AAAA" + "2345".charAt(code) + "BCD", now);
                code++;
            }
            for (String[] s : A_BILLED) {
                a[code] = subscriber(db, institutionA, s, "AAAA" + "6789".charAt(code - A_SUBSCRIBERS.length) + "BCD",
                        now);
                code++;
            }
            code = 0;
            long[] b = new long[B_SUBSCRIBERS.length];
            for (String[] s : B_SUBSCRIBERS) {
                b[code] = subscriber(db, institutionB, s, "BBBB" + "6789".charAt(code) + "CDE", now);
                code++;
            }
            // billing: a village tariff for RESIDENTIAL (A and B), readings of BILLING_PERIOD; A's COMMERCIAL
            // subscriber has a reading but no tariff, A's AGRICULTURAL one no reading
            villageTariff(db, institutionA, now);
            villageTariff(db, institutionB, now);
            reading(db, institutionA, a[0], 12, now);
            reading(db, institutionA, a[1], 7, now);
            reading(db, institutionA, a[3], 5, now);
            reading(db, institutionA, a[4], 20, now);
            reading(db, institutionB, b[0], 9, now);
            user(db, "operator-a", "Operatör A", hash, "OPERATOR", institutionA, now);
            user(db, "admin", "Şirket Yöneticisi", hash, "COMPANY_ADMIN", null, now);
            user(db, "lockme", "Kilit Deneme", hash, "OPERATOR", institutionA, now);
            seedBills(db, hash, now);
        }
    }

    /** From 2026-01-01: 0–8 m³ at 4, 8–16 at 6, above at 9, fixed fee 10.00, no wastewater, no taxes. */
    private static void villageTariff(Connection db, long institution, Timestamp now) throws SQLException {
        long tariff = insert(db, "INSERT INTO tariff (institution_id, category, name) VALUES (?, 'RESIDENTIAL', ?)",
                institution, "Mesken");
        long version = insert(db, "INSERT INTO tariff_version (tariff_id, valid_from, tier_mode, fixed_fee, created_at)"
                + " VALUES (?, '2026-01-01', 'PROGRESSIVE', 10.00, ?)", tariff, now);
        insert(db, "INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price) VALUES (?, 1, 0, 8, 4)",
                version);
        insert(db, "INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price) VALUES (?, 2, 8, 16, 6)",
                version);
        insert(db, "INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price)"
                + " VALUES (?, 3, 16, NULL, 9)", version);
    }

    private static void reading(Connection db, long institution, long subscriber, long m3, Timestamp now)
            throws SQLException {
        long meter = insert(db, "INSERT INTO meter (institution_id, subscriber_id, serial_no, dial_digits, installed_on)"
                + " VALUES (?, ?, ?, 5, '2025-01-01')", institution, subscriber, "M" + subscriber);
        insert(db, "INSERT INTO reading (institution_id, subscriber_id, meter_id, period, reading_date, meter_index,"
                + " consumption_m3, kind, source, recorded_at) VALUES (?, ?, ?, ?, '2026-10-05', ?, ?, 'ACTUAL',"
                + " 'HANDHELD', ?)", institution, subscriber, meter, BILLING_PERIOD, 100 + m3, m3, now);
    }

    private static long subscriber(Connection db, long institution, String[] s, String paymentCode, Timestamp now)
            throws SQLException {
        return insert(db, "INSERT INTO subscriber (institution_id, subscriber_no, full_name, category, phone, payment_code,"
                + " route_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", institution, s[0], s[1], s[2], s[3],
                paymentCode, "R1", now);
    }

    private static void user(Connection db, String username, String fullName, String hash, String role,
                             Long institution, Timestamp now) throws SQLException {
        long id = insert(db, "INSERT INTO app_user (username, full_name, password_hash, password_changed_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", username, fullName, hash, now, now);
        insert(db, "INSERT INTO user_role (user_id, role) VALUES (?, ?)", id, role);
        if (institution != null) {
            insert(db, "INSERT INTO user_institution (user_id, institution_id) VALUES (?, ?)", id, institution);
        }
    }

    private static long insert(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }

    // ---------------------------------------------------------------- (i) bills: list, PDF, the run as one PDF, resume

    /** Institution C (operator-c): a COMPLETED run of 2026-09 with three bills, and a run of 2026-08 interrupted
     * after its first bill (RUNNING, last heartbeat an hour ago: its worker died). */
    static long institutionC;
    static long runC09;
    static long runC08;
    static final long[] C_BILLS = new long[3];
    static final long[] C_SUBSCRIBERS = new long[3];

    @Test
    void billsListIsTenantScopedFiltersAndExports() throws Exception {
        WebClient c = loggedIn("operator-c");
        WebClient.Response page = c.get("bills.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Faturalar").contains("KOY-C-2026-000001").contains("KOY-C-2026-000003")
                .contains("7300000002").contains("₺66,00").contains("Geçerli").doesNotContain("Köy A Kurumu")
                .doesNotContain("Ayşe Yılmaz").doesNotContain("Cem Ak").contains("C*** A***");
        assertThat(page.body()).contains("/admin/bills/pdf?id=" + C_BILLS[0]);

        WebClient.Response august = c.get("bills.xhtml?period=2026-08");
        assertThat(august.text()).contains("KOY-C-2026-000004").doesNotContain("KOY-C-2026-000001");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("billsForm", "billsForm");
        form.put("billsForm:csv", "");
        WebClient.Response csv = post(c, "bills.xhtml", page, form);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).contains("csv");
        assertThat(csv.body()).contains("KOY-C-2026-000001").contains("KOY-C-2026-000002").contains("7300000003")
                .doesNotContain("Cem Ak");

        WebClient a = loggedIn("operator-a");
        WebClient.Response ofA = a.get("bills.xhtml?institution=" + institutionC);
        assertThat(ofA.status()).isEqualTo(200);
        assertThat(ofA.text()).doesNotContain("KOY-C-2026").doesNotContain("7300000001");
        WebClient.Response csvA = post(a, "bills.xhtml?institution=" + institutionC, ofA, form);
        assertThat(csvA.body()).doesNotContain("KOY-C-2026");
    }

    @Test
    void oneBillDownloadsAsAPdfNamedAfterItsNumber() throws Exception {
        WebClient c = loggedIn("operator-c");
        WebClient.Response pdf = c.get("bills/pdf?id=" + C_BILLS[1]);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("content-type")).startsWith("application/pdf");
        assertThat(pdf.header("content-disposition")).contains("fatura-KOY-C-2026-000002.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("KOY-C-2026-000002").contains("7300000002").contains("Köy C Kurumu")
                    .contains("C-METER-2").doesNotContain("Cem Ak");
        }

        // another institution's operator, an unknown id, no id: nothing
        WebClient a = loggedIn("operator-a");
        WebClient.Response foreign = a.get("bills/pdf?id=" + C_BILLS[1]);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("%PDF").doesNotContain("KOY-C");
        assertThat(a.get("bills/pdf?run=" + runC09).status()).isEqualTo(404);
        assertThat(c.get("bills/pdf?id=999999999").status()).isEqualTo(404);
        assertThat(c.get("bills/pdf").status()).isEqualTo(400);
        assertThat(new WebClient(base).get("bills/pdf?id=" + C_BILLS[1]).redirectsToLogin()).isTrue();
    }

    @Test
    void theWholeRunDownloadsAsOnePdf() throws Exception {
        WebClient c = loggedIn("operator-c");
        WebClient.Response pdf = c.get("bills/pdf?run=" + runC09);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("content-type")).startsWith("application/pdf");
        assertThat(pdf.header("content-disposition")).contains(".pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            for (int page = 1; page <= 3; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(doc)).contains("KOY-C-2026-00000" + page);
            }
        }
    }

    @Test
    void anInterruptedRunIsShownAndResumedFromThePageWithoutDuplicatesOrGaps() throws Exception {
        WebClient c = loggedIn("operator-c");
        WebClient.Response page = c.get("billing.xhtml");
        assertThat(page.text()).contains("Tamamlanmamış faturalamalar").contains("Yarıda kaldı").contains("Devam et")
                .contains("2026-08").contains("1 / 2");
        // operator-a does not see C's run
        assertThat(loggedIn("operator-a").get("billing.xhtml").text()).doesNotContain("Tamamlanmamış faturalamalar")
                .doesNotContain("Yarıda kaldı");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "billingForm:unfinished:0:resume");
        form.put("jakarta.faces.partial.execute", "billingForm:unfinished:0:resume");
        form.put("jakarta.faces.partial.render", "billingForm");
        form.put("billingForm:unfinished:0:resume", "billingForm:unfinished:0:resume");
        form.put("run", Long.toString(runC08));
        form.put("billingForm", "billingForm");
        form.put("jakarta.faces.ViewState", page.viewState());
        WebClient.Response resumed = c.post("billing.xhtml", form, Map.of("Faces-Request", "partial/ajax"));
        assertThat(resumed.status()).isEqualTo(200);
        WebClient.Response done = pollUntilCompleted(c, resumed);
        assertThat(done.text()).contains("Tamamlandı").contains("3 / 3").contains("Dönem için okuma yok")
                .contains("Tüm faturaları tek PDF olarak indir");

        Map<String, String> august = new LinkedHashMap<>();
        try (Connection db = db(); PreparedStatement ps = db.prepareStatement("SELECT s.subscriber_no, b.bill_no,"
                + " b.total FROM bill b JOIN subscriber s ON s.id = b.subscriber_id WHERE b.billing_run_id = ?"
                + " ORDER BY b.bill_no")) {
            ps.setLong(1, runC08);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    august.put(rs.getString(1), rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString());
                }
            }
        }
        // the bill from before the interruption is kept; the resumed part continues the series without a gap
        assertThat(august).containsExactly(Map.entry("7300000001", "KOY-C-2026-000004 66.00"),
                Map.entry("7300000002", "KOY-C-2026-000005 30.00"));
        assertThat(count("SELECT next_value FROM bill_number_sequence WHERE institution_id = " + institutionC
                + " AND year = 2026")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM billing_run WHERE id = " + runC08 + " AND status = 'COMPLETED'"
                + " AND processed = 3 AND bills_created = 2 AND skipped = 1")).isEqualTo(1);

        // resuming again does nothing
        WebClient.Response again = c.post("billing.xhtml", form(c.get("billing.xhtml"), runC08),
                Map.of("Faces-Request", "partial/ajax"));
        assertThat(again.status()).isEqualTo(200);
        Thread.sleep(1000);
        assertThat(count("SELECT COUNT(*) FROM bill WHERE billing_run_id = " + runC08)).isEqualTo(2);
    }

    private static Map<String, String> form(WebClient.Response page, long run) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "billingForm:start");
        form.put("jakarta.faces.partial.execute", "billingForm");
        form.put("jakarta.faces.partial.render", "billingForm");
        form.put("billingForm:start", "billingForm:start");
        form.put("billingForm", "billingForm");
        form.put("billingForm:institution_input", Long.toString(institutionC));
        form.put("billingForm:period", "2026-08");
        form.put("jakarta.faces.ViewState", page.viewState());
        return form;
    }

    static void seedBills(Connection db, String hash, Timestamp now) throws SQLException {
        institutionC = insert(db, "INSERT INTO institution (code, name, kind, province, district, reading_day, created_at)"
                + " VALUES (?, ?, 'VILLAGE', 'Bartın', 'Ulus', 5, ?)", "KOY-C", "Köy C Kurumu", now);
        villageTariff(db, institutionC, now);
        String[][] people = {{"7300000001", "Cem Ak"}, {"7300000002", "Ceren Aydın"}, {"7300000003", "Can Arı"}};
        long[] readings09 = new long[3];
        long[] readings08 = new long[3];
        for (int i = 0; i < 3; i++) {
            C_SUBSCRIBERS[i] = subscriber(db, institutionC, new String[] {people[i][0], people[i][1], "RESIDENTIAL",
                    null}, "CCCC" + "234".charAt(i) + "DEF", now);
            long meter = insert(db, "INSERT INTO meter (institution_id, subscriber_id, serial_no, dial_digits,"
                    + " installed_on) VALUES (?, ?, ?, 5, '2025-01-01')", institutionC, C_SUBSCRIBERS[i],
                    "C-METER-" + (i + 1));
            if (i < 2) { // the third has no reading in August
                readings08[i] = insert(db, "INSERT INTO reading (institution_id, subscriber_id, meter_id, period,"
                        + " reading_date, meter_index, consumption_m3, kind, source, recorded_at) VALUES (?, ?, ?,"
                        + " '2026-08', '2026-08-05', ?, ?, 'ACTUAL', 'HANDHELD', ?)", institutionC, C_SUBSCRIBERS[i],
                        meter, i == 0 ? 112 : 105, i == 0 ? 12 : 5, now);
            }
            readings09[i] = insert(db, "INSERT INTO reading (institution_id, subscriber_id, meter_id, period,"
                    + " reading_date, meter_index, consumption_m3, kind, source, recorded_at) VALUES (?, ?, ?,"
                    + " '2026-09', '2026-09-05', 130, 12, 'ACTUAL', 'HANDHELD', ?)", institutionC, C_SUBSCRIBERS[i],
                    meter, now);
        }
        runC09 = insert(db, "INSERT INTO billing_run (institution_id, period, status, started_at, finished_at,"
                + " bills_created, total_subscribers, processed, heartbeat_at) VALUES (?, '2026-09', 'COMPLETED', ?, ?,"
                + " 3, 3, 3, ?)", institutionC, now, now, now);
        for (int i = 0; i < 3; i++) {
            C_BILLS[i] = bill(db, runC09, C_SUBSCRIBERS[i], readings09[i], "KOY-C-2026-00000" + (i + 1), "2026-09",
                    now);
        }
        // interrupted after its first chunk (one bill): RUNNING, no sign of life for an hour
        Timestamp anHourAgo = Timestamp.from(Instant.now().minusSeconds(3600));
        runC08 = insert(db, "INSERT INTO billing_run (institution_id, period, status, started_at, bills_created,"
                + " total_subscribers, processed, heartbeat_at) VALUES (?, '2026-08', 'RUNNING', ?, 1, 2, 1, ?)",
                institutionC, anHourAgo, anHourAgo);
        bill(db, runC08, C_SUBSCRIBERS[0], readings08[0], "KOY-C-2026-000004", "2026-08", now);
        insert(db, "INSERT INTO bill_number_sequence (institution_id, year, next_value) VALUES (?, 2026, 5)",
                institutionC);
        user(db, "operator-c", "Operatör C", hash, "OPERATOR", institutionC, now);
    }

    /** 12 m³ at the village tariff: 8 × 4 + 4 × 6 + fixed fee 10 = 66.00. */
    private static long bill(Connection db, long run, long subscriber, long reading, String billNo, String period,
                             Timestamp now) throws SQLException {
        String day = period + "-05";
        long bill = insert(db, "INSERT INTO bill (institution_id, subscriber_id, payment_code, bill_no, period,"
                + " billing_run_id, reading_id, issue_date, due_date, consumption_m3, total, status, created_at)"
                + " VALUES (?, ?, NULL, ?, ?, ?, ?, ?, DATE_ADD(?, INTERVAL 15 DAY), 12, 66.00, 'ISSUED', ?)",
                institutionC, subscriber, billNo, period, run, reading, day, day, now);
        insert(db, "INSERT INTO bill_line (bill_id, seq, kind, description, quantity, unit_price, amount) VALUES"
                + " (?, 1, 'WATER', 'Su bedeli (0–8 m³ kademesi)', 8, 4, 32.00)", bill);
        insert(db, "INSERT INTO bill_line (bill_id, seq, kind, description, quantity, unit_price, amount) VALUES"
                + " (?, 2, 'WATER', 'Su bedeli (8–16 m³ kademesi)', 4, 6, 24.00)", bill);
        insert(db, "INSERT INTO bill_line (bill_id, seq, kind, description, quantity, unit_price, amount) VALUES"
                + " (?, 3, 'FIXED_FEE', 'Sabit ücret', 1, 10, 10.00)", bill);
        return bill;
    }
}
