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
            seedReadings(db, hash, now);
            seedPayments(db, hash, now, b[0]);
            seedTariffs(db, hash, now);
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

    // ---------------------------------------------------------------- (i) readings: route page, CSV import, REST API

    /** Institution C of the reading tests: routes RC-1 (page), RC-2 (REST) and RC-3 (CSV import), users reader-c and
     *  operator-c; every subscriber has six months of 10 m³ readings before the current period. */
    static long institutionC;
    static final String READINGS_PERIOD = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Istanbul")).toString();
    /** subscriber no, name, route, route order, index of the last reading */
    static final String[][] C_SUBSCRIBERS = {
            {"9100000001", "Cemile Arslan", "RC-1", "2", "1060"}, {"9100000002", "Cengiz Aksoy", "RC-1", "1", "2060"},
            {"9100000003", "Derya Kılıç", "RC-1", "3", "3060"}, {"9100000004", "Emre Toprak", "RC-2", "1", "4060"},
            {"9100000005", "Filiz Ova", "RC-2", "2", "5060"}, {"9100000006", "Gül Ekinci", "RC-3", "1", "6060"},
            {"9100000007", "Hakan Bulut", "RC-3", "2", "7060"}};
    /** A well-formed token of a device revoked in the seed data. */
    static final String REVOKED_TOKEN = "revoked-device-token_" + "x".repeat(22);

    @Test
    void aReaderReachesTheRoutePageButNotBillingImportOrDevices() throws Exception {
        assertThat(new WebClient(base).get("reading-route.xhtml").redirectsToLogin()).isTrue();
        WebClient reader = loggedIn("reader-c");
        for (String page : List.of("billing.xhtml", "reading-import.xhtml", "reader-devices.xhtml")) {
            WebClient.Response r = reader.get(page);
            assertThat(r.status()).as(page).isEqualTo(403);
            assertThat(r.text()).as(page).contains("Bu sayfayı görme yetkiniz yok.").doesNotContain("Faturalandır");
        }
        WebClient.Response route = reader.get("reading-route.xhtml");
        assertThat(route.status()).isEqualTo(200);
        assertThat(route.text()).contains("Okuma rotası").contains("RC-1").contains("RC-2");
        assertThat(route.body()).doesNotContain("navBilling").doesNotContain("navReadingImport");
        // an operator reaches all of them (and sees the menu links)
        WebClient operator = loggedIn("operator-c");
        assertThat(operator.get("reading-import.xhtml").status()).isEqualTo(200);
        WebClient.Response opRoute = operator.get("reading-route.xhtml?route=RC-1");
        assertThat(opRoute.status()).isEqualTo(200);
        assertThat(opRoute.body()).contains("navBilling").contains("navReadingImport").contains("9100000001");
    }

    @Test
    void routePageListsTheRouteInOrderWarnsWhileTypingAndSaves() throws Exception {
        WebClient c = loggedIn("reader-c");
        WebClient.Response page = c.get("reading-route.xhtml?route=RC-1");
        assertThat(page.status()).isEqualTo(200);
        String text = page.text();
        // route order: 9100000002 (1), 9100000001 (2), 9100000003 (3); names masked; previous indexes shown
        assertThat(text.indexOf("9100000002")).isPositive().isLessThan(text.indexOf("9100000001"));
        assertThat(text.indexOf("9100000001")).isLessThan(text.indexOf("9100000003"));
        assertThat(text).contains("Ce*** Ar***").doesNotContain("Cemile Arslan").doesNotContain("Cengiz Aksoy")
                .contains("1060").contains("2060").contains("Önceki endeks").doesNotContain("9100000004");
        assertThat(page.body()).contains("name=\"routeForm:stops:1:index\"");
        WebClient.Response stale = c.get("reading-route.xhtml?route=RC-1");
        long s1 = subscriberId("9100000001");

        WebClient.Response high = routeAjax(c, page, 1, "index", "keyup", "1160");
        assertThat(high.status()).isEqualTo(200);
        assertThat(high.text()).contains("Tüketim 100 m³").contains("Ortalamanın çok üstünde")
                .contains("su-notice-warn");
        WebClient.Response usual = routeAjax(c, page, 1, "index", "keyup", "1071");
        assertThat(usual.text()).contains("Tüketim 11 m³").doesNotContain("Ortalamanın").contains("su-notice-ok");
        WebClient.Response lower = routeAjax(c, page, 1, "index", "blur", "1000");
        assertThat(lower.text()).contains("Endeks 1000 önceki endeksten (1060) düşük").contains("su-notice-error");
        assertThat(count("SELECT COUNT(*) FROM reading WHERE subscriber_id = " + s1 + " AND period = '"
                + READINGS_PERIOD + "'")).as("a preview stores nothing").isZero();

        WebClient.Response saved = routeAjax(c, page, 1, "save", null, "1071");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.text()).contains("Kaydedildi: endeks 1071, tüketim 11 m³").contains("Okunan: 1 / 3");
        assertThat(readingOf(s1)).isEqualTo("1071 11 ACTUAL HANDHELD null " + userId("reader-c"));

        // no access: an estimate of the recent average (10 m³), marked estimated
        long s3 = subscriberId("9100000003");
        WebClient.Response estimated = routeAjax(c, page, 2, "noAccess", null, null);
        assertThat(estimated.text()).contains("Kaydedildi: endeks 3070, tüketim 10 m³").contains("Tahmini");
        assertThat(readingOf(s3)).startsWith("3070 10 ESTIMATED ESTIMATE");

        // the page, reopened, marks both as read and offers no input for them
        WebClient.Response again = c.get("reading-route.xhtml?route=RC-1");
        assertThat(again.text()).contains("Okundu: endeks 1071").contains("Okundu: endeks 3070")
                .contains("Okunan: 2 / 3");
        assertThat(again.body()).doesNotContain("routeForm:stops:1:index").contains("routeForm:stops:0:index");
        // saving the same subscriber again (a stale page) is refused by the service: still one reading
        WebClient.Response twice = routeAjax(c, stale, 1, "save", null, "1071");
        assertThat(twice.text()).contains("zaten kayıtlı");
        assertThat(count("SELECT COUNT(*) FROM reading WHERE subscriber_id = " + s1 + " AND period = '"
                + READINGS_PERIOD + "'")).isEqualTo(1);
    }

    /** An AJAX request of the route page for the row: "index" (keyup/blur preview), "save" or "noAccess". */
    private static WebClient.Response routeAjax(WebClient c, WebClient.Response page, int row, String what,
                                                String event, String index) throws Exception {
        String prefix = "routeForm:stops:" + row + ":";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", prefix + what);
        if (what.equals("index")) {
            form.put("jakarta.faces.partial.event", event);
            form.put("jakarta.faces.behavior.event", event);
            form.put("jakarta.faces.partial.execute", prefix + "index");
            form.put("jakarta.faces.partial.render", prefix + "notice");
        } else {
            form.put("jakarta.faces.partial.event", "click");
            form.put("jakarta.faces.behavior.event", "action");
            form.put("jakarta.faces.partial.execute", prefix + what + " " + prefix + "index " + prefix + "note");
            form.put("jakarta.faces.partial.render", prefix + "row routeForm:progress");
            form.put(prefix + what, prefix + what);
        }
        form.put("routeForm", "routeForm");
        if (index != null) {
            form.put(prefix + "index", index);
        }
        form.put(prefix + "note", "");
        form.put("jakarta.faces.ViewState", page.viewState());
        return c.post("reading-route.xhtml", form, Map.of("Faces-Request", "partial/ajax"));
    }

    @Test
    void csvImportReportsEveryBadLineAndStoresNothingThenStoresAGoodFile() throws Exception {
        WebClient c = loggedIn("operator-c");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Istanbul"))
                .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        long s6 = subscriberId("9100000006");
        long s7 = subscriberId("9100000007");
        long b1 = subscriberId("8299990001");
        String where = " AND period = '" + READINGS_PERIOD + "'";

        WebClient.Response page = c.get("reading-import.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Dosya biçimi").contains("abone_no;okuma_tarihi;endeks");
        String bad = "abone_no;okuma_tarihi;endeks\n9100000006;" + today + ";6072\n9100000007;" + today + ";12a\n"
                + "8299990001;" + today + ";1234\n";
        WebClient.Response rejected = upload(c, page, bad);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.text()).contains("Dosya reddedildi: hiçbir okuma kaydedilmedi")
                .contains("Endeks \"12a\" tam sayı değil").contains("Bu kurumda 8299990001 numaralı abone yok.")
                .doesNotContain("okuma kaydedildi.");
        assertThat(problemLines(rejected)).containsExactly("3 9100000007", "4 8299990001");
        assertThat(count("SELECT COUNT(*) FROM reading WHERE subscriber_id IN (" + s6 + ", " + s7 + ", " + b1 + ")"
                + where)).as("nothing of a rejected file is stored").isZero();

        String good = "abone_no;okuma_tarihi;endeks;not\n9100000006;" + today + ";6072;kapı açık\n9100000007;"
                + today + ";7070;\n";
        WebClient.Response stored = upload(c, c.get("reading-import.xhtml"), good);
        assertThat(stored.text()).contains("2 okuma kaydedildi.").doesNotContain("Dosya reddedildi");
        assertThat(readingOf(s6)).isEqualTo("6072 12 ACTUAL IMPORT null " + userId("operator-c"));
        assertThat(readingOf(s7)).isEqualTo("7070 10 ACTUAL IMPORT null " + userId("operator-c"));
        assertThat(count("SELECT COUNT(*) FROM reading WHERE subscriber_id = " + b1 + where)).isZero();
    }

    private static WebClient.Response upload(WebClient c, WebClient.Response page, String csv) throws Exception {
        String boundary = "----su" + System.nanoTime();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("importForm", "importForm");
        fields.put("importForm:institution", Long.toString(institutionC));
        fields.put("importForm:period", READINGS_PERIOD);
        fields.put("importForm:upload", "Yükle");
        fields.put("jakarta.faces.ViewState", page.viewState());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"importForm:file\";"
                + " filename=\"okumalar.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return c.send("POST", "reading-import.xhtml", "multipart/form-data; boundary=" + boundary,
                body.toByteArray(), Map.of());
    }

    /** "line subscriberNo" of each row of the problems table. */
    private static List<String> problemLines(WebClient.Response r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<tr class=\"su-problem\">\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>").matcher(r.text());
        List<String> lines = new java.util.ArrayList<>();
        while (m.find()) {
            lines.add(m.group(1).trim() + " " + m.group(2).trim());
        }
        return lines;
    }

    @Test
    void apiRefusesRequestsWithoutAValidDeviceTokenWith401Json() throws Exception {
        WebClient c = new WebClient(base);
        String malformed = "Bearer not-a-token";
        String unknown = "Bearer " + "u".repeat(43);
        for (String auth : java.util.Arrays.asList(null, malformed, unknown, "Bearer " + REVOKED_TOKEN,
                "Basic cmVhZGVyLWM6eA==")) {
            for (String path : List.of("api/v1/routes", "api/v1/routes/RC-2")) {
                WebClient.Response r = api(c, "GET", path, auth, null, null);
                assertThat(r.status()).as(auth + " " + path).isEqualTo(401);
                assertThat(r.header("content-type")).contains("application/json");
                assertThat(r.header("www-authenticate")).startsWith("Bearer");
                assertThat(r.location()).isNull();
                assertThat(r.text()).contains("\"error\":\"unauthorized\"")
                        .contains("Geçerli bir cihaz anahtarı gerekli").doesNotContain("RC-2").doesNotContain("910000");
                assertThat(r.setCookies()).as("no session for API calls").isEmpty();
            }
        }
        WebClient.Response post = api(c, "POST", "api/v1/readings", "Bearer " + REVOKED_TOKEN,
                "[{\"subscriberNo\":\"9100000004\",\"index\":4070}]", null);
        assertThat(post.status()).isEqualTo(401);
        assertThat(api(c, "GET", "api/v1/routes", null, null, "en").text()).contains("A valid device token is required");
        assertThat(api(c, "GET", "api/v1/nothing-here", null, null, null).status()).isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM reading WHERE subscriber_id = " + subscriberId("9100000004")
                + " AND period = '" + READINGS_PERIOD + "'")).isZero();
        // a login session does not open the API either
        WebClient operator = loggedIn("operator-c");
        assertThat(api(operator, "GET", "api/v1/routes", null, null, null).status()).isEqualTo(401);
    }

    @Test
    void aRegisteredDeviceGetsItsRouteAndPostsReadingsOnceAndOnlyForItsInstitution() throws Exception {
        // the operator registers a handheld for reader-c: the token is shown once, only its hash is stored
        WebClient operator = loggedIn("operator-c");
        WebClient.Response devices = operator.get("reader-devices.xhtml");
        assertThat(devices.status()).isEqualTo(200);
        assertThat(devices.text()).contains("Okuyucu C (reader-c)").contains("Eski cihaz").contains("İptal edildi");
        long reader = userId("reader-c");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("devicesForm", "devicesForm");
        form.put("devicesForm:institution", Long.toString(institutionC));
        form.put("devicesForm:reader", Long.toString(reader));
        form.put("devicesForm:name", "El terminali 1");
        form.put("devicesForm:register", "Cihaz kaydet");
        WebClient.Response registered = post(operator, "reader-devices.xhtml", devices, form);
        assertThat(registered.status()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"newToken\">\\s*([A-Za-z0-9_-]{43})\\s*<")
                .matcher(registered.body());
        assertThat(m.find()).as(registered.text()).isTrue();
        String token = m.group(1);
        assertThat(registered.text()).contains("bir daha gösterilmeyecek").contains("El terminali 1");
        assertThat(count("SELECT COUNT(*) FROM reader_device WHERE institution_id = " + institutionC + " AND user_id = "
                + reader + " AND name = 'El terminali 1' AND revoked_at IS NULL AND token_hash = SHA2('" + token
                + "', 256)")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM reader_device WHERE token_hash LIKE '%" + token + "%' OR name LIKE '%"
                + token + "%'")).isZero();
        assertThat(operator.get("reader-devices.xhtml").body()).doesNotContain(token);
        String auth = "Bearer " + token;
        WebClient device = new WebClient(base);

        WebClient.Response routes = api(device, "GET", "api/v1/routes", auth, null, null);
        assertThat(routes.status()).as(routes.text()).isEqualTo(200);
        assertThat(routes.text()).contains("\"RC-1\"").contains("\"RC-2\"").contains("\"RC-3\"")
                .doesNotContain("\"R1\"");
        assertThat(routes.setCookies()).isEmpty();
        WebClient.Response route = api(device, "GET", "api/v1/routes/RC-2", auth, null, null);
        assertThat(route.status()).isEqualTo(200);
        String json = route.text();
        assertThat(json.indexOf("\"subscriberNo\":\"9100000004\"")).isPositive()
                .isLessThan(json.indexOf("\"subscriberNo\":\"9100000005\""));
        assertThat(result(json, "\"subscriberNo\":\"9100000004\"")).contains("\"previousIndex\":4060")
                .contains("\"lastConsumption\":10").contains("\"status\":\"TO_READ\"").contains("\"name\":\"Em*** To***\"");
        assertThat(json).doesNotContain("Emre Toprak").doesNotContain("9100000001");
        assertThat(api(device, "GET", "api/v1/routes/R1", auth, null, null).status())
                .as("a route of another institution does not exist").isEqualTo(404);

        long s4 = subscriberId("9100000004");
        long s5 = subscriberId("9100000005");
        long b1 = subscriberId("8299990001");
        String batch = "{\"readings\":[{\"ref\":\"a1\",\"subscriberNo\":\"9100000004\",\"index\":4075},"
                + "{\"ref\":\"a2\",\"subscriberNo\":\"9100000005\",\"index\":5060,\"note\":\"sayaç donmuş olabilir\"},"
                + "{\"ref\":\"a3\",\"subscriberNo\":\"8299990001\",\"index\":1234},"
                + "{\"ref\":\"a4\",\"subscriberNo\":\"9100000006\"},"
                + "{\"ref\":\"a5\",\"subscriberNo\":\"9100000006\",\"index\":6070,\"readingDate\":\""
                + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Istanbul")).plusDays(2) + "\"}]}";
        WebClient.Response posted = api(device, "POST", "api/v1/readings", auth, batch, null);
        assertThat(posted.status()).as(posted.text()).isEqualTo(200);
        assertThat(posted.setCookies()).isEmpty();
        String answer = posted.text();
        assertThat(answer).contains("\"stored\":2").contains("\"rejected\":3").contains("\"alreadyRecorded\":0");
        assertThat(result(answer, "\"ref\":\"a1\"")).contains("\"status\":\"STORED\"").contains("\"consumption\":15")
                .contains("\"flags\":[]");
        assertThat(result(answer, "\"ref\":\"a2\"")).contains("\"status\":\"STORED\"").contains("\"consumption\":0")
                .contains("\"ZERO\"").contains("Sıfır tüketim");
        assertThat(result(answer, "\"ref\":\"a3\"")).contains("\"status\":\"REJECTED\"")
                .contains("\"reason\":\"reading.unknownSubscriber\"")
                .contains("Bu kurumda 8299990001 numaralı abone yok.");
        assertThat(result(answer, "\"ref\":\"a4\"")).contains("\"status\":\"REJECTED\"")
                .contains("\"reason\":\"api.indexRequired\"");
        assertThat(result(answer, "\"ref\":\"a5\"")).contains("\"status\":\"REJECTED\"")
                .contains("\"reason\":\"api.dateInFuture\"").contains("ileri bir tarih");
        assertThat(readingOf(s4)).isEqualTo("4075 15 ACTUAL HANDHELD null " + reader);
        assertThat(readingOf(s5)).isEqualTo("5060 0 ACTUAL HANDHELD ZERO,LOW " + reader);
        assertThat(count("SELECT COUNT(*) FROM reading WHERE subscriber_id = " + b1 + " AND period = '"
                + READINGS_PERIOD + "'")).as("nothing stored for institution B").isZero();

        // the same reading again (a retry): stored once, answered "already recorded", in English on request
        WebClient.Response retry = api(device, "POST", "api/v1/readings", auth,
                "{\"ref\":\"a1\",\"subscriberNo\":\"9100000004\",\"index\":4075}", "en-US,en;q=0.8");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text()).contains("\"status\":\"ALREADY_RECORDED\"").contains("\"alreadyRecorded\":1")
                .contains("already recorded");
        WebClient.Response other = api(device, "POST", "api/v1/readings", auth,
                "[{\"subscriberNo\":\"9100000004\",\"index\":4090},{\"subscriberNo\":\"8299990001\",\"index\":1}]", "en");
        assertThat(other.text()).contains("\"status\":\"REJECTED\"").contains("error.reading.alreadyRecorded")
                .contains("No subscriber 8299990001 in this institution.");
        assertThat(count("SELECT COUNT(*) FROM reading WHERE subscriber_id = " + s4 + " AND period = '"
                + READINGS_PERIOD + "'")).isEqualTo(1);
        assertThat(api(device, "POST", "api/v1/readings", auth, "{not json", null).status()).isEqualTo(400);
        WebClient.Response missing = api(device, "GET", "api/v1/nothing-here", auth, null, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("\"error\":\"http404\"").doesNotContain("<html");
        WebClient.Response plain = device.send("POST", "api/v1/readings", "text/plain", "x".getBytes(),
                Map.of("Authorization", auth));
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.text()).contains("\"error\":\"http415\"");
        assertThat(count("SELECT COUNT(*) FROM reader_device WHERE token_hash = SHA2('" + token + "', 256)"
                + " AND last_used_at IS NOT NULL")).isEqualTo(1);

        // revoked on the page: refused from the next request on
        WebClient.Response list = operator.get("reader-devices.xhtml");
        Map<String, String> revoke = new LinkedHashMap<>();
        revoke.put("devicesForm", "devicesForm");
        revoke.put("devicesForm:rows:0:revoke", "İptal et");
        WebClient.Response revoked = post(operator, "reader-devices.xhtml", list, revoke);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM reader_device WHERE token_hash = SHA2('" + token + "', 256)"
                + " AND revoked_at IS NOT NULL")).isEqualTo(1);
        assertThat(api(device, "GET", "api/v1/routes", auth, null, null).status()).isEqualTo(401);
    }

    private static WebClient.Response api(WebClient c, String method, String path, String authorization, String json,
                                          String language) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (language != null) {
            headers.put("Accept-Language", language);
        }
        return c.send(method, path, json == null ? null : "application/json; charset=UTF-8",
                json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    /** The innermost JSON object of the answer that contains the marker. */
    private static String result(String json, String marker) {
        int at = json.indexOf(marker);
        assertThat(at).as(marker + " in " + json).isNotNegative();
        return json.substring(json.lastIndexOf('{', at), json.indexOf('}', at) + 1);
    }

    private static long subscriberId(String no) throws SQLException {
        return count("SELECT id FROM subscriber WHERE subscriber_no = '" + no + "'");
    }

    private static long userId(String username) throws SQLException {
        return count("SELECT id FROM app_user WHERE username = '" + username + "'");
    }

    /** "index consumption kind source flags read_by" of the subscriber's reading of the current period. */
    private static String readingOf(long subscriber) throws SQLException {
        try (Connection db = db(); PreparedStatement ps = db.prepareStatement("SELECT meter_index, consumption_m3,"
                + " kind, source, flags, read_by FROM reading WHERE subscriber_id = ? AND period = ?")) {
            ps.setLong(1, subscriber);
            ps.setString(2, READINGS_PERIOD);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a reading of " + subscriber).isTrue();
                return rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getString(5) + " " + rs.getLong(6);
            }
        }
    }

    static void seedReadings(Connection db, String hash, Timestamp now) throws SQLException {
        institutionC = insert(db, "INSERT INTO institution (code, name, kind, province, district, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", "KOY-C", "Okuma Köyü C", "VILLAGE", "Bolu", "Mudurnu", now);
        java.time.YearMonth current = java.time.YearMonth.parse(READINGS_PERIOD);
        int code = 0;
        for (String[] s : C_SUBSCRIBERS) {
            long id = insert(db, "INSERT INTO subscriber (institution_id, subscriber_no, full_name, category,"
                    + " address, payment_code, route_code, route_order, created_at) VALUES (?, ?, ?, 'RESIDENTIAL', ?,"
                    + " ?, ?, ?, ?)", institutionC, s[0], s[1], "Çeşme Sokak No: " + (code + 1), "CCCC" + (code + 2)
                    + "DEF", s[2], Integer.parseInt(s[3]), now);
            long meter = insert(db, "INSERT INTO meter (institution_id, subscriber_id, serial_no, dial_digits,"
                    + " installed_on) VALUES (?, ?, ?, 5, '2025-01-01')", institutionC, id, "MC-" + s[0]);
            long last = Long.parseLong(s[4]);
            for (int back = 6; back >= 1; back--) {
                java.time.YearMonth p = current.minusMonths(back);
                insert(db, "INSERT INTO reading (institution_id, subscriber_id, meter_id, period, reading_date,"
                        + " meter_index, consumption_m3, kind, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, 10,"
                        + " 'ACTUAL', 'HANDHELD', ?)", institutionC, id, meter, p.toString(),
                        java.sql.Date.valueOf(p.atDay(5)), last - 10L * (back - 1), now);
            }
            code++;
        }
        user(db, "reader-c", "Okuyucu C", hash, "READER", institutionC, now);
        user(db, "operator-c", "Operatör C", hash, "OPERATOR", institutionC, now);
        insert(db, "INSERT INTO reader_device (institution_id, user_id, name, token_hash, created_at, revoked_at)"
                        + " VALUES (?, (SELECT id FROM app_user WHERE username = 'reader-c'), 'Eski cihaz', ?,"
                        + " '2025-01-01 00:00:00', '2025-06-01 00:00:00')",
                institutionC, org.sutahsilat.domain.device.DeviceToken.parse(REVOKED_TOKEN).orElseThrow().hash());
    }

    // ---------------------------------------------------------------- (i) payments: collect, receipt, list, reversal

    /** Institution P (no surcharge) with one subscriber owing two bills, its cashier and a read-only viewer. */
    static final String P_SUBSCRIBER = "7300000001";
    static long institutionP;
    static long paymentOfB;

    @Test
    void operatorCollectsCashPrintsTheReceiptSeesItInTheListAndReversesIt() throws Exception {
        WebClient c = loggedIn("cashier-p");
        WebClient.Response page = c.get("collect.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Tahsilat");

        WebClient.Response found = findSubscriber(c, page, P_SUBSCRIBER);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text()).contains("Ke*** Sö***").contains("KOY-P-2026-000001").contains("KOY-P-2026-000002")
                .contains("₺120,00").contains("₺80,50").contains("₺200,50").doesNotContain("Kemal Sönmez");

        WebClient.Response saved = pay(c, found, "150.00");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.text()).contains("Tahsilat kaydedildi").contains("₺150,00").contains("₺50,50")
                .contains("Makbuzu yazdır");
        String receiptNo = between(saved.text(), "id=\"receiptNo\">", "<");
        assertThat(receiptNo).matches("KOY-P-M\\d{4}-000001");

        // the browser sends the same form again (double click, refresh): still one payment
        pay(c, found, "150.00");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE institution_id = " + institutionP)).isEqualTo(1);
        long paymentId = count("SELECT id FROM payment WHERE institution_id = " + institutionP);
        assertThat(allocations(paymentId)).containsExactly("KOY-P-2026-000001 PRINCIPAL 120.00",
                "KOY-P-2026-000002 PRINCIPAL 30.00");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'PAYMENT_RECORDED' AND institution_id = "
                + institutionP)).isEqualTo(1);

        WebClient.Response pdf = c.get("receipt?payment=" + paymentId);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("content-type")).startsWith("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("TAHSİLAT MAKBUZU").contains(receiptNo).contains(P_SUBSCRIBER)
                    .contains("Ke*** Sö***").contains("₺150,00").contains("Nakit").contains("Kasa Görevlisi C")
                    .doesNotContain("İPTAL");
        }

        WebClient.Response list = c.get("payments.xhtml");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains(receiptNo).contains(P_SUBSCRIBER).contains("₺150,00").contains("Geçerli")
                .contains("İptal et").doesNotContain("BELDE-B-M-TEST-1");
        WebClient.Response csv = post(c, "payments.xhtml", list,
                Map.of("paymentsForm", "paymentsForm", "paymentsForm:csv", ""));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).contains("csv");
        assertThat(csv.body()).contains(receiptNo).contains(P_SUBSCRIBER).contains("Nakit")
                .doesNotContain("BELDE-B-M-TEST-1").doesNotContain("Kemal Sönmez");

        WebClient.Response reversePage = c.get("reverse.xhtml?payment=" + paymentId);
        assertThat(reversePage.text()).contains(receiptNo).contains("İptal sebebi");
        WebClient.Response reversed = post(c, "reverse.xhtml?payment=" + paymentId, reversePage,
                Map.of("reverseForm", "reverseForm", "reverseForm:reason", "Yanlış tutar girildi",
                        "reverseForm:confirm", ""));
        assertThat(reversed.text()).contains("Tahsilat iptal edildi");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE institution_id = " + institutionP
                + " AND reverses_payment_id = " + paymentId + " AND amount = -150.00")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'PAYMENT_REVERSED' AND institution_id = "
                + institutionP)).isEqualTo(1);
        WebClient.Response afterList = c.get("payments.xhtml");
        assertThat(afterList.text()).contains("İptal edildi").contains("İptal kaydı");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(
                c.get("receipt?payment=" + paymentId).bytes())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("İPTAL")
                    .contains("Yanlış tutar girildi");
        }
        // the debt is back: 200.50 again
        assertThat(findSubscriber(c, c.get("collect.xhtml"), P_SUBSCRIBER).text()).contains("₺200,50");
    }

    @Test
    void aCraftedRequestForAnotherInstitutionsSubscriberOrPaymentRecordsNothing() throws Exception {
        long payments = count("SELECT COUNT(*) FROM payment");
        WebClient c = loggedIn("cashier-p");
        WebClient.Response page = c.get("collect.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("findForm", "findForm");
        form.put("findForm:institution_input", Long.toString(institutionB));
        form.put("findForm:subscriberNo", B_SUBSCRIBERS[0][0]);
        form.put("findForm:find", "");
        WebClient.Response found = post(c, "collect.xhtml", page, form);
        assertThat(found.text()).contains("Abone bulunamadı");
        assertThat(found.text()).doesNotContain(B_SUBSCRIBERS[0][1]).doesNotContain("Belde B Kurumu");
        WebClient.Response paid = pay(c, found, "70.00");
        assertThat(paid.text()).doesNotContain("Tahsilat kaydedildi");

        assertThat(c.get("receipt?payment=" + paymentOfB).status()).isEqualTo(404);
        assertThat(c.get("receipt?payment=x").status()).isEqualTo(404);
        WebClient.Response reverseB = c.get("reverse.xhtml?payment=" + paymentOfB);
        assertThat(reverseB.text()).contains("Aradığınız kayıt bulunamadı").doesNotContain("BELDE-B-M-TEST-1");
        assertThat(c.get("payments.xhtml").text()).doesNotContain("BELDE-B-M-TEST-1");
        assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(payments);
    }

    @Test
    void aViewerCannotTakeOrReverseAPayment() throws Exception {
        WebClient c = loggedIn("viewer-p");
        // the pages are refused by role (shiro.ini); PaymentServiceIT shows the service refuses such a user too
        assertThat(c.get("collect.xhtml").status()).isEqualTo(403);
        assertThat(c.get("reverse.xhtml?payment=1").status()).isEqualTo(403);
        assertThat(c.get("payments.xhtml").status()).isEqualTo(200);
        assertThat(c.get("card-report.xhtml").status()).isEqualTo(403);
        assertThat(c.get("payments.xhtml").body()).doesNotContain("navCardReport");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE institution_id = " + institutionP
                + " AND amount = 10.00")).isZero();
    }

    /**
     * The daily card reconciliation page is the operators' (its rows come from CardPayments.report, shown with the
     * gateway in CardPaymentsIT); in this deployment card payment is off, which the page says instead of a table.
     */
    @Test
    void anOperatorOpensTheCardReconciliationPageWhichSaysCardPaymentIsOff() throws Exception {
        WebClient c = loggedIn("cashier-p");
        WebClient.Response page = c.get("card-report.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Kart ödemeleri günlük mutabakat",
                "Kart ile ödeme bu kurulumda kapalı (iyzico ayarları yok).");
        assertThat(page.body()).contains("navCardReport").doesNotContain("reportForm:show");
    }

    private static WebClient.Response findSubscriber(WebClient c, WebClient.Response page, String no) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("findForm", "findForm");
        form.put("findForm:subscriberNo", no);
        form.put("findForm:find", "");
        return post(c, "collect.xhtml", page, form);
    }

    private static WebClient.Response pay(WebClient c, WebClient.Response page, String amount) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("payForm", "payForm");
        form.put("payForm:amount_input", amount.replace('.', ','));
        form.put("payForm:amount_hinput", amount);
        form.put("payForm:channel_input", "CASH");
        form.put("payForm:receivedOn_input", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Istanbul"))
                .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        form.put("payForm:reference", "");
        form.put("payForm:save", "");
        return post(c, "collect.xhtml", page, form);
    }

    private static String between(String text, String start, String end) {
        int i = text.indexOf(start);
        assertThat(i).as(start + " in " + text).isNotNegative();
        int from = i + start.length();
        return text.substring(from, text.indexOf(end, from)).trim();
    }

    /** "bill no kind amount" of a payment's rows in posting order. */
    private static List<String> allocations(long paymentId) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection db = db(); PreparedStatement ps = db.prepareStatement("SELECT b.bill_no, a.kind, a.amount"
                + " FROM payment_allocation a LEFT JOIN bill b ON b.id = a.bill_id WHERE a.payment_id = ?"
                + " ORDER BY a.seq, a.id")) {
            ps.setLong(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString());
                }
            }
        }
        return rows;
    }

    static void seedPayments(Connection db, String hash, Timestamp now, long subscriberOfB) throws SQLException {
        institutionP = insert(db, "INSERT INTO institution (code, name, kind, province, district, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", "KOY-P", "Köy P Kurumu", "VILLAGE", "Bolu", "Mudurnu", now);
        long subscriber = subscriber(db, institutionP, new String[]{P_SUBSCRIBER, "Kemal Sönmez", "RESIDENTIAL", null},
                "CCCC2345", now);
        insert(db, "INSERT INTO bill (institution_id, subscriber_id, bill_no, period, issue_date, due_date,"
                + " consumption_m3, total, status, created_at) VALUES (?, ?, 'KOY-P-2026-000001', '2026-08',"
                + " '2026-08-05', '2026-08-20', 12, 120.00, 'ISSUED', ?)", institutionP, subscriber, now);
        insert(db, "INSERT INTO bill (institution_id, subscriber_id, bill_no, period, issue_date, due_date,"
                + " consumption_m3, total, status, created_at) VALUES (?, ?, 'KOY-P-2026-000002', '2026-09',"
                + " '2026-09-05', '2026-09-20', 8, 80.50, 'ISSUED', ?)", institutionP, subscriber, now);
        user(db, "cashier-p", "Kasa Görevlisi C", hash, "OPERATOR", institutionP, now);
        user(db, "viewer-p", "Muhtar C", hash, "INSTITUTION_VIEWER", institutionP, now);
        // a payment of institution B (credit only), which nobody of P may see, print or reverse
        paymentOfB = insert(db, "INSERT INTO payment (institution_id, subscriber_id, amount, channel, paid_at,"
                + " receipt_no, created_at) VALUES (?, ?, 10.00, 'CASH', ?, 'BELDE-B-M-TEST-1', ?)", institutionB,
                subscriberOfB, now, now);
        insert(db, "INSERT INTO payment_allocation (payment_id, bill_id, kind, amount) VALUES (?, NULL, 'CREDIT',"
                + " 10.00)", paymentOfB);
    }

    // ---------------------------------------------------------------- (k) tariffs (tariffs.xhtml)

    /** LIVESTOCK tariffs (no subscriber of A or B is billed under them): A's and B's, one version each. */
    static long livestockA;
    static long livestockB;

    @Test
    void operatorCreatesATariffVersionThroughThePageAndItIsListedAndUsed() throws Exception {
        WebClient c = loggedIn("operator-a");
        WebClient.Response list = c.get("tariffs.xhtml");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("Tarifeler").contains("Köy A Kurumu").contains("Hayvancılık A")
                .contains("Sürüm geçmişi").contains("Yeni sürüm").doesNotContain("Hayvancılık B");
        assertNoB(list.text());

        // the form, pre-filled from the current version, with its sample bill: 10 × 5 + 5 × 8 + 20 fixed fee
        WebClient.Response form = c.get("tariffs.xhtml?tariff=" + livestockA);
        assertThat(form.text()).contains("Yeni sürüm:").contains("Örnek fatura").contains("₺110,00")
                .doesNotContain("Hayvancılık B");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        // 0–10 m³ at 6,50, above at 9, fixed fee 25,00 (typed with Turkish decimal commas)
        Map<String, String> fields = tariffFields(form, today, "6,50", "9", "25,00");
        WebClient.Response preview = tariffAjax(c, form, "tariffsForm:refresh", "tariffsForm:editor", fields);
        assertThat(preview.text()).contains("₺135,00"); // 10 × 6,50 + 5 × 9 + 25
        WebClient.Response saved = tariffAjax(c, form, "tariffsForm:save", "tariffsForm", fields);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.text()).contains("Hayvancılık A tarifesi kaydedildi");

        assertThat(tariffVersions(livestockA)).containsExactly(
                "2026-01-01 PROGRESSIVE 20.00 [0-10@5.0000 10-@8.0000]",
                today + " PROGRESSIVE 25.00 [0-10@6.5000 10-@9.0000]");
        assertThat(count("SELECT COUNT(*) FROM tariff_version v JOIN app_user u ON u.id = v.created_by"
                + " WHERE u.username = 'operator-a' AND v.tariff_id = " + livestockA)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'TARIFF_VERSION_CREATED'"
                + " AND username = 'operator-a' AND institution_id = " + institutionA)).isEqualTo(1);

        // listed as the version in force, and what the next version's form starts from (the calculator uses it)
        WebClient.Response after = c.get("tariffs.xhtml");
        assertThat(after.text()).contains("₺6,50").contains("Yürürlükte").contains("Geçmiş");
        WebClient.Response next = c.get("tariffs.xhtml?tariff=" + livestockA);
        assertThat(next.text()).contains("₺135,00");

        // the same day again is refused with the rule's message, nothing more is saved
        WebClient.Response again = tariffAjax(c, next, "tariffsForm:save", "tariffsForm",
                tariffFields(next, today, "7", "10", "30"));
        assertThat(again.text()).contains("son sürümün başlangıcından");
        assertThat(tariffVersions(livestockA)).hasSize(2);
        assertThat(tariffVersions(livestockB)).hasSize(1);
    }

    @Test
    void craftedTariffRequestsForInstitutionBChangeNothing() throws Exception {
        WebClient c = loggedIn("operator-a");
        List<String> before = tariffVersions(livestockB);
        long tariffsOfB = count("SELECT COUNT(*) FROM tariff WHERE institution_id = " + institutionB);

        // B's tariff by id: "not found", no form, nothing of B shown
        WebClient.Response crafted = c.get("tariffs.xhtml?tariff=" + livestockB);
        assertThat(crafted.status()).isEqualTo(200);
        assertThat(crafted.text()).contains("Aradığınız kayıt bulunamadı.").doesNotContain("Örnek fatura")
                .doesNotContain("Hayvancılık B");
        assertNoB(crafted.text());
        // a save posted into that view anyway
        WebClient.Response save = tariffAjax(c, crafted, "tariffsForm:save", "tariffsForm",
                tariffFields(null, "2027-01-01", "1", "2", "3"));
        assertThat(save.status()).isEqualTo(200);

        // a new tariff for B: the institution is not among the user's, the page refuses it
        WebClient.Response page = c.get("tariffs.xhtml");
        WebClient.Response opened = tariffAjax(c, page, "tariffsForm:newTariff", "tariffsForm", Map.of());
        assertThat(opened.text()).contains("Tarife adı");
        Map<String, String> forB = tariffFields(null, "2027-01-01", "1", "2", "3");
        forB.put("tariffsForm:institution_input", Long.toString(institutionB));
        forB.put("tariffsForm:category_input", "PUBLIC");
        forB.put("tariffsForm:name", "Sızma");
        tariffAjax(c, page, "tariffsForm:save", "tariffsForm", forB);

        assertThat(tariffVersions(livestockB)).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM tariff WHERE institution_id = " + institutionB)).isEqualTo(tariffsOfB);
        assertThat(count("SELECT COUNT(*) FROM tariff WHERE name = 'Sızma'")).isZero();
    }

    @Test
    void anInstitutionViewerSeesTariffsReadOnly() throws Exception {
        WebClient c = loggedIn("viewer-a");
        WebClient.Response list = c.get("tariffs.xhtml");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("Hayvancılık A").contains("Sürüm geçmişi").doesNotContain("Yeni sürüm")
                .doesNotContain("Yeni tarife");
        assertNoB(list.text());
        WebClient.Response form = c.get("tariffs.xhtml?tariff=" + livestockA);
        assertThat(form.text()).contains("Tarife ve sürüm oluşturma yetkiniz yok").doesNotContain("Örnek fatura");
        long versions = tariffVersions(livestockA).size();
        tariffAjax(c, form, "tariffsForm:save", "tariffsForm", tariffFields(null, "2027-02-01", "1", "2", "3"));
        assertThat(tariffVersions(livestockA)).hasSize((int) versions);
    }

    /** The new-version form's fields: two tiers (0–10 m³, above), no wastewater, no ÇTV, no KDV. */
    private static Map<String, String> tariffFields(WebClient.Response form, String validFrom, String price1,
                                                    String price2, String fixedFee) {
        if (form != null) { // the names the page really renders
            form.inputName("tariffsForm:rows:0:to");
            form.inputName("tariffsForm:rows:1:price");
            form.inputName("tariffsForm:validFrom");
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("tariffsForm:validFrom", validFrom);
        f.put("tariffsForm:tierMode_input", "PROGRESSIVE");
        f.put("tariffsForm:rows:0:to", "10");
        f.put("tariffsForm:rows:0:price", price1);
        f.put("tariffsForm:rows:1:price", price2);
        f.put("tariffsForm:fixedFee", fixedFee);
        f.put("tariffsForm:minimumCharge", "0");
        f.put("tariffsForm:wastewaterMode_input", "NONE");
        f.put("tariffsForm:wastewaterValue", "0");
        f.put("tariffsForm:kdvWater", "0");
        f.put("tariffsForm:kdvWastewater", "0");
        f.put("tariffsForm:kdvFixedFee", "0");
        f.put("tariffsForm:sampleM3", "15");
        return f;
    }

    private static WebClient.Response tariffAjax(WebClient c, WebClient.Response page, String source, String execute,
                                                 Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", source);
        form.put("jakarta.faces.partial.execute", source + " " + execute);
        form.put("jakarta.faces.partial.render", "tariffsForm");
        form.put(source, source);
        form.put("tariffsForm", "tariffsForm");
        form.putAll(fields);
        form.put("jakarta.faces.ViewState", page.viewState());
        return c.post("tariffs.xhtml", form, Map.of("Faces-Request", "partial/ajax"));
    }

    /** "valid-from mode fixed-fee [from-to@price ...]" of each version of the tariff, oldest first. */
    private static List<String> tariffVersions(long tariff) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection db = db(); PreparedStatement ps = db.prepareStatement("SELECT v.valid_from, v.tier_mode,"
                + " v.fixed_fee, GROUP_CONCAT(CONCAT(t.from_m3, '-', COALESCE(t.to_m3, ''), '@', t.unit_price)"
                + " ORDER BY t.seq SEPARATOR ' ') FROM tariff_version v JOIN tariff_tier t ON t.tariff_version_id = v.id"
                + " WHERE v.tariff_id = ? GROUP BY v.id ORDER BY v.valid_from")) {
            ps.setLong(1, tariff);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString()
                            + " [" + rs.getString(4) + "]");
                }
            }
        }
        return rows;
    }

    /** A's and B's LIVESTOCK tariffs from 2026-01-01 (0–10 m³ at 5, above at 8, fixed fee 20), and viewer-a. */
    static void seedTariffs(Connection db, String hash, Timestamp now) throws SQLException {
        livestockA = livestockTariff(db, institutionA, "Hayvancılık A", now);
        livestockB = livestockTariff(db, institutionB, "Hayvancılık B", now);
        user(db, "viewer-a", "Muhtar A", hash, "INSTITUTION_VIEWER", institutionA, now);
    }

    private static long livestockTariff(Connection db, long institution, String name, Timestamp now)
            throws SQLException {
        long tariff = insert(db, "INSERT INTO tariff (institution_id, category, name) VALUES (?, 'LIVESTOCK', ?)",
                institution, name);
        long version = insert(db, "INSERT INTO tariff_version (tariff_id, valid_from, tier_mode, fixed_fee, created_at)"
                + " VALUES (?, '2026-01-01', 'PROGRESSIVE', 20.00, ?)", tariff, now);
        insert(db, "INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price) VALUES (?, 1, 0, 10, 5)",
                version);
        insert(db, "INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price)"
                + " VALUES (?, 2, 10, NULL, 8)", version);
        return tariff;
    }

    // ---------------------------------------------------------------- (l) bills: list, PDF, the run as one PDF, resume

    /** Institution K (operator-k): a COMPLETED run of 2026-09 with three bills, and a run of 2026-08 interrupted
     * after its first bill (RUNNING, last heartbeat an hour ago: its worker died). */
    static long institutionK;
    static long runK09;
    static long runK08;
    static final long[] K_BILLS = new long[3];
    static final long[] K_SUBSCRIBERS = new long[3];

    @Test
    void billsListIsTenantScopedFiltersAndExports() throws Exception {
        WebClient c = loggedIn("operator-k");
        WebClient.Response page = c.get("bills.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Faturalar").contains("KOY-K-2026-000001").contains("KOY-K-2026-000003")
                .contains("7300000002").contains("₺66,00").contains("Geçerli").doesNotContain("Köy A Kurumu")
                .doesNotContain("Ayşe Yılmaz").doesNotContain("Cem Ak").contains("C*** A***");
        assertThat(page.body()).contains("/admin/bills/pdf?id=" + K_BILLS[0]);

        WebClient.Response august = c.get("bills.xhtml?period=2026-08");
        assertThat(august.text()).contains("KOY-K-2026-000004").doesNotContain("KOY-K-2026-000001");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("billsForm", "billsForm");
        form.put("billsForm:csv", "");
        WebClient.Response csv = post(c, "bills.xhtml", page, form);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).contains("csv");
        assertThat(csv.body()).contains("KOY-K-2026-000001").contains("KOY-K-2026-000002").contains("7300000003")
                .doesNotContain("Cem Ak");

        WebClient a = loggedIn("operator-a");
        WebClient.Response ofA = a.get("bills.xhtml?institution=" + institutionK);
        assertThat(ofA.status()).isEqualTo(200);
        assertThat(ofA.text()).doesNotContain("KOY-K-2026").doesNotContain("7300000001");
        WebClient.Response csvA = post(a, "bills.xhtml?institution=" + institutionK, ofA, form);
        assertThat(csvA.body()).doesNotContain("KOY-K-2026");
    }

    @Test
    void oneBillDownloadsAsAPdfNamedAfterItsNumber() throws Exception {
        WebClient c = loggedIn("operator-k");
        WebClient.Response pdf = c.get("bills/pdf?id=" + K_BILLS[1]);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("content-type")).startsWith("application/pdf");
        assertThat(pdf.header("content-disposition")).contains("fatura-KOY-K-2026-000002.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("KOY-K-2026-000002").contains("7300000002").contains("Köy C Kurumu")
                    .contains("C-METER-2").doesNotContain("Cem Ak");
        }

        // another institution's operator, an unknown id, no id: nothing
        WebClient a = loggedIn("operator-a");
        WebClient.Response foreign = a.get("bills/pdf?id=" + K_BILLS[1]);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("%PDF").doesNotContain("KOY-K");
        assertThat(a.get("bills/pdf?run=" + runK09).status()).isEqualTo(404);
        assertThat(c.get("bills/pdf?id=999999999").status()).isEqualTo(404);
        assertThat(c.get("bills/pdf").status()).isEqualTo(400);
        assertThat(new WebClient(base).get("bills/pdf?id=" + K_BILLS[1]).redirectsToLogin()).isTrue();
    }

    @Test
    void theWholeRunDownloadsAsOnePdf() throws Exception {
        WebClient c = loggedIn("operator-k");
        WebClient.Response pdf = c.get("bills/pdf?run=" + runK09);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("content-type")).startsWith("application/pdf");
        assertThat(pdf.header("content-disposition")).contains(".pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            for (int page = 1; page <= 3; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(doc)).contains("KOY-K-2026-00000" + page);
            }
        }
    }

    @Test
    void anInterruptedRunIsShownAndResumedFromThePageWithoutDuplicatesOrGaps() throws Exception {
        WebClient c = loggedIn("operator-k");
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
        form.put("run", Long.toString(runK08));
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
            ps.setLong(1, runK08);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    august.put(rs.getString(1), rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString());
                }
            }
        }
        // the bill from before the interruption is kept; the resumed part continues the series without a gap
        assertThat(august).containsExactly(Map.entry("7300000001", "KOY-K-2026-000004 66.00"),
                Map.entry("7300000002", "KOY-K-2026-000005 30.00"));
        assertThat(count("SELECT next_value FROM bill_number_sequence WHERE institution_id = " + institutionK
                + " AND year = 2026")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM billing_run WHERE id = " + runK08 + " AND status = 'COMPLETED'"
                + " AND processed = 3 AND bills_created = 2 AND skipped = 1")).isEqualTo(1);

        // resuming again does nothing
        WebClient.Response again = c.post("billing.xhtml", form(c.get("billing.xhtml"), runK08),
                Map.of("Faces-Request", "partial/ajax"));
        assertThat(again.status()).isEqualTo(200);
        Thread.sleep(1000);
        assertThat(count("SELECT COUNT(*) FROM bill WHERE billing_run_id = " + runK08)).isEqualTo(2);
    }

    private static Map<String, String> form(WebClient.Response page, long run) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "billingForm:start");
        form.put("jakarta.faces.partial.execute", "billingForm");
        form.put("jakarta.faces.partial.render", "billingForm");
        form.put("billingForm:start", "billingForm:start");
        form.put("billingForm", "billingForm");
        form.put("billingForm:institution_input", Long.toString(institutionK));
        form.put("billingForm:period", "2026-08");
        form.put("jakarta.faces.ViewState", page.viewState());
        return form;
    }

    static void seedBills(Connection db, String hash, Timestamp now) throws SQLException {
        institutionK = insert(db, "INSERT INTO institution (code, name, kind, province, district, reading_day, created_at)"
                + " VALUES (?, ?, 'VILLAGE', 'Bartın', 'Ulus', 5, ?)", "KOY-K", "Köy C Kurumu", now);
        villageTariff(db, institutionK, now);
        String[][] people = {{"7300000001", "Cem Ak"}, {"7300000002", "Ceren Aydın"}, {"7300000003", "Can Arı"}};
        long[] readings09 = new long[3];
        long[] readings08 = new long[3];
        for (int i = 0; i < 3; i++) {
            K_SUBSCRIBERS[i] = subscriber(db, institutionK, new String[] {people[i][0], people[i][1], "RESIDENTIAL",
                    null}, "CCCC" + "234".charAt(i) + "DEF", now);
            long meter = insert(db, "INSERT INTO meter (institution_id, subscriber_id, serial_no, dial_digits,"
                    + " installed_on) VALUES (?, ?, ?, 5, '2025-01-01')", institutionK, K_SUBSCRIBERS[i],
                    "C-METER-" + (i + 1));
            if (i < 2) { // the third has no reading in August
                readings08[i] = insert(db, "INSERT INTO reading (institution_id, subscriber_id, meter_id, period,"
                        + " reading_date, meter_index, consumption_m3, kind, source, recorded_at) VALUES (?, ?, ?,"
                        + " '2026-08', '2026-08-05', ?, ?, 'ACTUAL', 'HANDHELD', ?)", institutionK, K_SUBSCRIBERS[i],
                        meter, i == 0 ? 112 : 105, i == 0 ? 12 : 5, now);
            }
            readings09[i] = insert(db, "INSERT INTO reading (institution_id, subscriber_id, meter_id, period,"
                    + " reading_date, meter_index, consumption_m3, kind, source, recorded_at) VALUES (?, ?, ?,"
                    + " '2026-09', '2026-09-05', 130, 12, 'ACTUAL', 'HANDHELD', ?)", institutionK, K_SUBSCRIBERS[i],
                    meter, now);
        }
        runK09 = insert(db, "INSERT INTO billing_run (institution_id, period, status, started_at, finished_at,"
                + " bills_created, total_subscribers, processed, heartbeat_at) VALUES (?, '2026-09', 'COMPLETED', ?, ?,"
                + " 3, 3, 3, ?)", institutionK, now, now, now);
        for (int i = 0; i < 3; i++) {
            K_BILLS[i] = bill(db, runK09, K_SUBSCRIBERS[i], readings09[i], "KOY-K-2026-00000" + (i + 1), "2026-09",
                    now);
        }
        // interrupted after its first chunk (one bill): RUNNING, no sign of life for an hour
        Timestamp anHourAgo = Timestamp.from(Instant.now().minusSeconds(3600));
        runK08 = insert(db, "INSERT INTO billing_run (institution_id, period, status, started_at, bills_created,"
                + " total_subscribers, processed, heartbeat_at) VALUES (?, '2026-08', 'RUNNING', ?, 1, 2, 1, ?)",
                institutionK, anHourAgo, anHourAgo);
        bill(db, runK08, K_SUBSCRIBERS[0], readings08[0], "KOY-K-2026-000004", "2026-08", now);
        insert(db, "INSERT INTO bill_number_sequence (institution_id, year, next_value) VALUES (?, 2026, 5)",
                institutionK);
        user(db, "operator-k", "Operatör C", hash, "OPERATOR", institutionK, now);
    }

    /** 12 m³ at the village tariff: 8 × 4 + 4 × 6 + fixed fee 10 = 66.00. */
    private static long bill(Connection db, long run, long subscriber, long reading, String billNo, String period,
                             Timestamp now) throws SQLException {
        String day = period + "-05";
        long bill = insert(db, "INSERT INTO bill (institution_id, subscriber_id, payment_code, bill_no, period,"
                + " billing_run_id, reading_id, issue_date, due_date, consumption_m3, total, status, created_at)"
                + " VALUES (?, ?, NULL, ?, ?, ?, ?, ?, DATE_ADD(?, INTERVAL 15 DAY), 12, 66.00, 'ISSUED', ?)",
                institutionK, subscriber, billNo, period, run, reading, day, day, now);
        insert(db, "INSERT INTO bill_line (bill_id, seq, kind, description, quantity, unit_price, amount) VALUES"
                + " (?, 1, 'WATER', 'Su bedeli (0–8 m³ kademesi)', 8, 4, 32.00)", bill);
        insert(db, "INSERT INTO bill_line (bill_id, seq, kind, description, quantity, unit_price, amount) VALUES"
                + " (?, 2, 'WATER', 'Su bedeli (8–16 m³ kademesi)', 4, 6, 24.00)", bill);
        insert(db, "INSERT INTO bill_line (bill_id, seq, kind, description, quantity, unit_price, amount) VALUES"
                + " (?, 3, 'FIXED_FEE', 'Sabit ücret', 1, 10, 10.00)", bill);
        return bill;
    }
}
