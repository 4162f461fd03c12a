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
            seedTariffs(db, hash, now);
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

    // ---------------------------------------------------------------- (i) tariffs (tariffs.xhtml)

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
}
