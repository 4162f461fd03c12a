package org.sutahsilat.launcher;

import org.sutahsilat.domain.billing.BillComputation;
import org.sutahsilat.domain.billing.BillLineTexts;
import org.sutahsilat.domain.billing.ComputedLine;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.security.PersonalDataCipher;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.Tckn;
import org.sutahsilat.domain.user.PasswordGenerator;
import org.sutahsilat.domain.user.PasswordHashing;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Demo data for an empty database, written with plain JDBC in one transaction: two institutions (a KDV-exempt
 * village and a small municipality), about 300 subscribers with meters, tariffs, six months of readings and
 * bills, payments for most older bills (the newest months stay mostly unpaid), and the first users.
 * <p>
 * Everything but secrets comes from a fixed random seed, so two loads for the same "today" have the same shape.
 * The database must contain no institution; otherwise {@link #loadIfEmpty} does nothing.
 */
public final class DemoData {

    /** The language of the demo bills' line descriptions. */
    private static final Locale TURKISH = Locale.forLanguageTag("tr");

    /** A user created by the load, with the generated password (shown once, never stored in plain text). */
    public record CreatedUser(String username, String password, String role, String institutionName) {
    }

    /** A subscriber to try the public portal with. */
    /** A subscriber with something to pay, to try the portal with; {@code billId} is its oldest open bill. */
    public record ExampleSubscriber(String institutionName, String subscriberNo, String paymentCode,
                                    long institutionId, long billId) {
    }

    public record Result(int institutions, int subscribers, int bills, int payments, String firstPeriod,
                         String lastPeriod, List<CreatedUser> users) {
    }

    public static final String AUDIT_ACTION = "DEMO_DATA_LOADED";
    static final int MONTHS = 6;
    private static final long SEED = 20_260_601L;
    private static final String LOCK_NAME = "su-tahsilat-demo-data";

    private static final String[] CATEGORIES = {"RESIDENTIAL", "COMMERCIAL", "PUBLIC", "AGRICULTURAL", "LIVESTOCK"};
    private static final String[] CATEGORY_NAMES = {"Mesken", "İşyeri", "Resmi daire", "Bahçe / tarımsal", "Hayvancılık"};
    /** Unit price multiplier per category (same order as CATEGORIES), exact in four decimals. */
    private static final String[] CATEGORY_PRICE_FACTORS = {"1.00", "1.50", "1.00", "0.75", "0.75"};

    private static final String[] MALE_NAMES = {"Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim",
            "İsmail", "Osman", "Yusuf", "Murat", "Ömer", "Ramazan", "Halil", "Süleyman", "Abdullah", "Mahmut", "Şükrü",
            "Recep", "Salih", "Kâzım", "Erdoğan", "Gökhan", "Çağlar", "Oğuz", "Tuğrul", "Doğan", "Ünal", "Şevket", "Cengiz"};
    private static final String[] FEMALE_NAMES = {"Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Meryem",
            "Şerife", "Sultan", "Zehra", "Hanife", "Merve", "Özlem", "Gülşen", "Büşra", "Çiğdem", "Gül", "Dilek",
            "Ümran", "Şükriye", "İpek", "Nurgül", "Sevgi", "Öznur", "Yıldız", "Ülkü", "Kübra", "Ebru", "Gönül", "Songül"};
    private static final String[] SURNAMES = {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım",
            "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt",
            "Özkan", "Şimşek", "Polat", "Özcan", "Korkmaz", "Çakır", "Erdoğan", "Yavuz", "Can", "Acar", "Şen",
            "Aktaş", "Güler", "Yalçın", "Güneş", "Bozkurt", "Işık", "İnce", "Ünal", "Gündoğdu", "Türkmen", "Çağlayan",
            "Ağaoğlu", "Gümüş", "Sönmez", "Keskin", "Uçar", "Tekin", "Karagöz", "Bıyık", "Dündar", "Eğilmez"};
    private static final String[] BUSINESSES = {"Bakkaliyesi", "Kahvehanesi", "Fırını", "Berber Salonu",
            "Kasabı", "Lokantası", "Oto Tamir", "Market", "Eczanesi", "Kırtasiyesi"};


    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final Random random = new Random(SEED);
    private final SecureRandom secureRandom = new SecureRandom();

    public DemoData(PersonalDataCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    /** True when the database holds at least one institution. */
    public static boolean hasInstitutions(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM institution") > 0;
    }

    /**
     * Loads the demo data in one transaction if there is no institution yet.
     *
     * @return what was loaded, or empty when the database already had data (nothing changed)
     */
    public Optional<Result> loadIfEmpty(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        boolean locked = false;
        try {
            locked = lock(connection);
            connection.setAutoCommit(false);
            if (hasInstitutions(connection)) {
                connection.rollback();
                return Optional.empty();
            }
            Result result = new Writer(connection, List.of(VILLAGE.operatorUsername(),
                    MUNICIPALITY.operatorUsername(), "admin")).write();
            connection.commit();
            return Optional.of(result);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
            if (locked) {
                unlock(connection);
            }
        }
    }

    /**
     * Creates only the first {@code admin} user (COMPANY_ADMIN) when the database has no user at all: the start
     * on an empty production database without demo data.
     */
    public Optional<CreatedUser> createAdminIfNoUsers(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        boolean locked = false;
        try {
            locked = lock(connection);
            connection.setAutoCommit(false);
            if (count(connection, "SELECT COUNT(*) FROM app_user") > 0) {
                connection.rollback();
                return Optional.empty();
            }
            Writer writer = new Writer(connection, List.of());
            long id = writer.createUser("admin", "Sistem Yöneticisi", "COMPANY_ADMIN", null, null);
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO audit_log (occurred_at, user_id,"
                    + " username, action, entity_type, entity_id) VALUES (?, ?, 'system', 'FIRST_ADMIN_CREATED', 'app_user', ?)")) {
                ps.setObject(1, writer.now);
                ps.setObject(2, null, Types.BIGINT);
                ps.setString(3, Long.toString(id));
                ps.executeUpdate();
            }
            connection.commit();
            return Optional.of(writer.users.get(0));
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
            if (locked) {
                unlock(connection);
            }
        }
    }

    /** A subscriber of the first institution with an unpaid bill (for the "try the portal" hint). */
    public static Optional<ExampleSubscriber> exampleSubscriber(Connection connection) throws SQLException {
        String sql = "SELECT i.name, s.subscriber_no, s.payment_code, i.id, b.id FROM bill b"
                + " JOIN subscriber s ON s.id = b.subscriber_id JOIN institution i ON i.id = b.institution_id"
                + " WHERE b.status = 'ISSUED' AND s.category = 'RESIDENTIAL' AND b.total > (SELECT COALESCE(SUM(a.amount), 0)"
                + " FROM payment_allocation a WHERE a.bill_id = b.id) ORDER BY i.id, s.id, b.due_date, b.id LIMIT 1";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new ExampleSubscriber(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                    rs.getLong(5)));
        }
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, 30)")) {
            ps.setString(1, LOCK_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static void unlock(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, LOCK_NAME);
            ps.executeQuery().close();
        } catch (SQLException ignored) {
            // the lock ends with the session anyway
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Institution settings of the demo. */
    private record InstitutionPlan(String code, String name, String kind, String province, String district,
                                   int readingDay, int dueDays, String surchargePolicy, boolean kdvExempt,
                                   int subscribers, int firstSubscriberNo, double[] categoryWeights,
                                   String[] neighbourhoods, String operatorUsername, String operatorName) {
    }

    private static final InstitutionPlan VILLAGE = new InstitutionPlan("K01", "Çamlıca Köyü Muhtarlığı", "VILLAGE",
            "Bolu", "Göynük", 5, 15, "NONE", true, 110, 1001,
            new double[]{0.78, 0.02, 0.02, 0.08, 0.10},
            new String[]{"Aşağı Mahalle", "Yukarı Mahalle", "Çeşmebaşı Mevkii", "Değirmenönü Mevkii"},
            "operator.camlica", "Ayşe Kılıç");
    private static final InstitutionPlan MUNICIPALITY = new InstitutionPlan("B01", "Yeşilöz Belediyesi",
            "MUNICIPALITY", "Kastamonu", "Taşköprü", 10, 20, "LAW_6183", false, 190, 20001,
            new double[]{0.80, 0.12, 0.04, 0.02, 0.02},
            new String[]{"Cumhuriyet Mah. Atatürk Cad.", "Gazi Paşa Mah. İnönü Sok.", "Çarşı Mah. Köprübaşı Sok.",
                    "Yeşilyurt Mah. Gül Sok.", "Şehitler Mah. Değirmen Sok."},
            "operator.yesiloz", "Mehmet Öztürk");

    /** Tariff of the demo per institution kind, before the category factor. */
    private static DemoTariff baseTariff(InstitutionPlan plan) {
        if ("VILLAGE".equals(plan.kind())) {
            return new DemoTariff(List.of(
                    new DemoTariff.Tier(0, 8L, new BigDecimal("4.0000")),
                    new DemoTariff.Tier(8, 16L, new BigDecimal("6.0000")),
                    new DemoTariff.Tier(16, null, new BigDecimal("9.0000"))),
                    Money.of("10.00"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        return new DemoTariff(List.of(
                new DemoTariff.Tier(0, 10L, new BigDecimal("20.0000")),
                new DemoTariff.Tier(10, null, new BigDecimal("30.0000"))),
                Money.ZERO, new BigDecimal("0.5000"), new BigDecimal("0.6000"),
                new BigDecimal("0.0100"), new BigDecimal("0.1000"));
    }

    static DemoTariff tariffFor(boolean village, String category) {
        DemoTariff base = baseTariff(village ? VILLAGE : MUNICIPALITY);
        int index = List.of(CATEGORIES).indexOf(category);
        BigDecimal factor = new BigDecimal(CATEGORY_PRICE_FACTORS[index]);
        List<DemoTariff.Tier> tiers = base.tiers().stream()
                .map(t -> new DemoTariff.Tier(t.fromM3(), t.toM3(), t.unitPrice().multiply(factor).setScale(4)))
                .toList();
        return new DemoTariff(tiers, base.fixedFee(), base.wastewaterShare(), base.ctvPerM3(),
                base.kdvWaterRate(), base.kdvWastewaterRate());
    }

    /** Writes one load; one instance per transaction. */
    private final class Writer {
        private final Connection connection;
        private final LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        private final LocalDate today = now.toLocalDate();
        private final YearMonth lastPeriod = YearMonth.from(today).minusMonths(1);
        private final YearMonth firstPeriod = lastPeriod.minusMonths(MONTHS - 1);
        private final Map<String, Long> nextIds = new LinkedHashMap<>();
        private final Set<String> tckns = new HashSet<>();
        private final List<CreatedUser> users = new ArrayList<>();
        private int subscriberCount;
        private int billCount;
        private int paymentCount;

        /** Argon2 hashing takes about half a second per password: done on another thread while rows are written. */
        private final Map<String, CompletableFuture<String[]>> pendingCredentials = new LinkedHashMap<>();
        private final ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "demo-data-password-hashing");
            thread.setDaemon(true);
            return thread;
        });

        Writer(Connection connection, List<String> usernames) {
            this.connection = connection;
            for (String username : usernames) {
                pendingCredentials.put(username, CompletableFuture.supplyAsync(() -> {
                    String password = PasswordGenerator.generate();
                    return new String[]{password, PasswordHashing.hash(password)};
                }, hasher));
            }
            hasher.shutdown();
        }

        /** The generated password and its hash for a user name. */
        private String[] credentials(String username) {
            CompletableFuture<String[]> pending = pendingCredentials.get(username);
            if (pending == null) {
                String password = PasswordGenerator.generate();
                return new String[]{password, PasswordHashing.hash(password)};
            }
            try {
                return pending.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        Result write() throws SQLException {
            for (InstitutionPlan plan : List.of(VILLAGE, MUNICIPALITY)) {
                writeInstitution(plan);
            }
            long adminId = createUser("admin", "Sistem Yöneticisi", "COMPANY_ADMIN", null, null);
            users.sort(Comparator.comparing(u -> "COMPANY_ADMIN".equals(u.role()) ? 0 : 1));
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO audit_log (occurred_at, user_id,"
                    + " username, action, entity_type, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, now);
                ps.setObject(2, null, Types.BIGINT);
                ps.setString(3, "system");
                ps.setString(4, AUDIT_ACTION);
                ps.setString(5, "database");
                ps.setString(6, "demo data: 2 institutions, " + subscriberCount + " subscribers, " + billCount
                        + " bills, " + paymentCount + " payments, periods " + firstPeriod + " to " + lastPeriod
                        + "; first admin user id " + adminId);
                ps.executeUpdate();
            }
            return new Result(2, subscriberCount, billCount, paymentCount, firstPeriod.toString(),
                    lastPeriod.toString(), List.copyOf(users));
        }

        private long nextId(String table) throws SQLException {
            Long next = nextIds.get(table);
            if (next == null) {
                next = count(connection, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
            }
            nextIds.put(table, next + 1);
            return next;
        }

        /** Creates a user unless the user name exists; returns the user's id. */
        private long createUser(String username, String fullName, String role, Long institutionId,
                                String institutionName) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM app_user WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            String[] credentials = credentials(username);
            String password = credentials[0];
            long id = nextId("app_user");
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO app_user (id, username, full_name,"
                    + " password_hash, enabled, password_changed_at, created_at) VALUES (?, ?, ?, ?, TRUE, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, username);
                ps.setString(3, fullName);
                ps.setString(4, credentials[1]);
                ps.setObject(5, now);
                ps.setObject(6, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, role);
                ps.executeUpdate();
            }
            if (institutionId != null) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO user_institution (user_id, institution_id) VALUES (?, ?)")) {
                    ps.setLong(1, id);
                    ps.setLong(2, institutionId);
                    ps.executeUpdate();
                }
            }
            users.add(new CreatedUser(username, password, role, institutionName));
            return id;
        }

        private void writeInstitution(InstitutionPlan plan) throws SQLException {
            long institutionId = nextId("institution");
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO institution (id, code, name, kind,"
                    + " province, district, reading_day, due_days, surcharge_policy, kdv_exempt, remittance_days,"
                    + " commission_rate, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 25, ?, TRUE, ?)")) {
                ps.setLong(1, institutionId);
                ps.setString(2, plan.code());
                ps.setString(3, plan.name());
                ps.setString(4, plan.kind());
                ps.setString(5, plan.province());
                ps.setString(6, plan.district());
                ps.setInt(7, plan.readingDay());
                ps.setInt(8, plan.dueDays());
                ps.setString(9, plan.surchargePolicy());
                ps.setBoolean(10, plan.kdvExempt());
                ps.setBigDecimal(11, new BigDecimal("0.0500"));
                ps.setObject(12, now);
                ps.executeUpdate();
            }
            boolean village = "VILLAGE".equals(plan.kind());
            Map<String, DemoTariff> tariffs = writeTariffs(plan, institutionId, village);
            List<SubscriberRow> subscribers = writeSubscribers(plan, institutionId);
            long operatorId = createUser(plan.operatorUsername(), plan.operatorName(), "OPERATOR", institutionId,
                    plan.name());
            writeReadingsAndBills(plan, institutionId, operatorId, tariffs, subscribers);
        }

        private Map<String, DemoTariff> writeTariffs(InstitutionPlan plan, long institutionId, boolean village)
                throws SQLException {
            Map<String, DemoTariff> tariffs = new LinkedHashMap<>();
            LocalDate validFrom = firstPeriod.atDay(1).withDayOfYear(1);
            try (PreparedStatement tariff = connection.prepareStatement(
                    "INSERT INTO tariff (id, institution_id, category, name) VALUES (?, ?, ?, ?)");
                 PreparedStatement version = connection.prepareStatement("INSERT INTO tariff_version (id, tariff_id,"
                         + " valid_from, tier_mode, fixed_fee, minimum_charge, wastewater_mode, wastewater_value,"
                         + " ctv_per_m3, kdv_water_rate, kdv_wastewater_rate, kdv_fixed_fee_rate, created_at)"
                         + " VALUES (?, ?, ?, 'PROGRESSIVE', ?, 0, ?, ?, ?, ?, ?, 0, ?)");
                 PreparedStatement tier = connection.prepareStatement("INSERT INTO tariff_tier (tariff_version_id,"
                         + " seq, from_m3, to_m3, unit_price) VALUES (?, ?, ?, ?, ?)")) {
                for (int c = 0; c < CATEGORIES.length; c++) {
                    DemoTariff t = tariffFor(village, CATEGORIES[c]);
                    tariffs.put(CATEGORIES[c], t);
                    long tariffId = nextId("tariff");
                    tariff.setLong(1, tariffId);
                    tariff.setLong(2, institutionId);
                    tariff.setString(3, CATEGORIES[c]);
                    tariff.setString(4, CATEGORY_NAMES[c]);
                    tariff.addBatch();
                    long versionId = nextId("tariff_version");
                    version.setLong(1, versionId);
                    version.setLong(2, tariffId);
                    version.setObject(3, validFrom);
                    version.setBigDecimal(4, t.fixedFee().amount());
                    version.setString(5, t.wastewaterShare().signum() > 0 ? "SHARE_OF_WATER" : "NONE");
                    version.setBigDecimal(6, t.wastewaterShare());
                    version.setBigDecimal(7, t.ctvPerM3());
                    version.setBigDecimal(8, t.kdvWaterRate());
                    version.setBigDecimal(9, t.kdvWastewaterRate());
                    version.setObject(10, now);
                    version.addBatch();
                    int seq = 1;
                    for (DemoTariff.Tier x : t.tiers()) {
                        tier.setLong(1, versionId);
                        tier.setInt(2, seq++);
                        tier.setLong(3, x.fromM3());
                        tier.setObject(4, x.toM3(), Types.BIGINT);
                        tier.setBigDecimal(5, x.unitPrice());
                        tier.addBatch();
                    }
                }
                tariff.executeBatch();
                version.executeBatch();
                tier.executeBatch();
            }
            return tariffs;
        }

        private record SubscriberRow(long id, long meterId, String category, int dialDigits, long startIndex,
                                     int baseConsumption, int payerProfile) {
        }

        private List<SubscriberRow> writeSubscribers(InstitutionPlan plan, long institutionId) throws SQLException {
            List<SubscriberRow> rows = new ArrayList<>();
            Set<String> serials = new HashSet<>();
            int[] routeOrders = new int[plan.neighbourhoods().length];
            try (PreparedStatement subscriber = connection.prepareStatement("INSERT INTO subscriber (id,"
                    + " institution_id, subscriber_no, full_name, category, status, tckn_encrypted, tckn_hash, phone,"
                    + " address, payment_code, route_code, route_order, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement meter = connection.prepareStatement("INSERT INTO meter (id, institution_id,"
                         + " subscriber_id, serial_no, dial_digits, initial_index, installed_on) VALUES (?, ?, ?, ?, ?, 0, ?)")) {
                for (int n = 0; n < plan.subscribers(); n++) {
                    String category = CATEGORIES[pick(plan.categoryWeights())];
                    int area = random.nextInt(plan.neighbourhoods().length);
                    long id = nextId("subscriber");
                    subscriber.setLong(1, id);
                    subscriber.setLong(2, institutionId);
                    subscriber.setString(3, Integer.toString(plan.firstSubscriberNo() + n));
                    subscriber.setString(4, fullName(category, plan));
                    subscriber.setString(5, category);
                    String tckn = newTckn();
                    subscriber.setBytes(6, cipher.encrypt(tckn));
                    subscriber.setBytes(7, cipher.hash(tckn));
                    subscriber.setString(8, random.nextInt(10) < 9 ? phone() : null);
                    subscriber.setString(9, address(plan, area));
                    subscriber.setString(10, PaymentCode.generate(secureRandom).value());
                    subscriber.setString(11, plan.code() + "-R" + (area + 1));
                    subscriber.setInt(12, ++routeOrders[area] * 10);
                    subscriber.setObject(13, now);
                    subscriber.addBatch();

                    long meterId = nextId("meter");
                    int digits = random.nextInt(10) < 8 ? 5 : 6;
                    LocalDate installed = firstPeriod.atDay(1).minusDays(400 + random.nextInt(3000));
                    long months = ChronoUnit.MONTHS.between(installed, firstPeriod.atDay(1));
                    long startIndex = months * (6 + random.nextInt(12));
                    if (n == 7) {
                        startIndex = (long) Math.pow(10, digits) - 40; // this meter rolls over during the demo months
                    }
                    String serial;
                    do {
                        serial = "SM" + (installed.getYear() % 100) + "-" + String.format("%06d", random.nextInt(1_000_000));
                    } while (!serials.add(serial));
                    meter.setLong(1, meterId);
                    meter.setLong(2, institutionId);
                    meter.setLong(3, id);
                    meter.setString(4, serial);
                    meter.setInt(5, digits);
                    meter.setObject(6, installed);
                    meter.addBatch();

                    int base = 7 + random.nextInt(12) + ("COMMERCIAL".equals(category) || "LIVESTOCK".equals(category) ? 6 : 0);
                    int profileDraw = random.nextInt(100);
                    int profile = profileDraw < 75 ? 0 : profileDraw < 90 ? 1 : 2;
                    rows.add(new SubscriberRow(id, meterId, category, digits, startIndex, base, profile));
                }
                subscriber.executeBatch();
                meter.executeBatch();
            }
            subscriberCount += rows.size();
            return rows;
        }

        private record PaymentRow(long subscriberId, long billId, Money amount, LocalDateTime paidAt) {
        }

        private void writeReadingsAndBills(InstitutionPlan plan, long institutionId, long operatorId,
                                           Map<String, DemoTariff> tariffs, List<SubscriberRow> subscribers)
                throws SQLException {
            List<PaymentRow> payments = new ArrayList<>();
            InstitutionKind kind = InstitutionKind.valueOf(plan.kind());
            Map<Long, Long> indexes = new LinkedHashMap<>();
            subscribers.forEach(s -> indexes.put(s.id(), s.startIndex()));
            int billSeq = 0;
            try (PreparedStatement run = connection.prepareStatement("INSERT INTO billing_run (id, institution_id,"
                    + " period, status, started_at, finished_at, started_by, bills_created)"
                    + " VALUES (?, ?, ?, 'COMPLETED', ?, ?, ?, ?)");
                 PreparedStatement reading = connection.prepareStatement("INSERT INTO reading (id, institution_id,"
                         + " subscriber_id, meter_id, period, reading_date, meter_index, consumption_m3, kind, source,"
                         + " flags, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTUAL', 'HANDHELD', ?, ?)");
                 PreparedStatement bill = connection.prepareStatement("INSERT INTO bill (id, institution_id,"
                         + " subscriber_id, bill_no, period, billing_run_id, reading_id, issue_date, due_date,"
                         + " consumption_m3, total, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED', ?)");
                 PreparedStatement line = connection.prepareStatement("INSERT INTO bill_line (bill_id, seq, kind,"
                         + " description, quantity, unit_price, amount, kdv_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int m = 0; m < MONTHS; m++) {
                    YearMonth period = firstPeriod.plusMonths(m);
                    LocalDate readingDate = period.atDay(Math.min(plan.readingDay(), period.lengthOfMonth()));
                    LocalDate dueDate = readingDate.plusDays(plan.dueDays());
                    LocalDateTime runAt = readingDate.atTime(17, 0);
                    long runId = nextId("billing_run");
                    run.setLong(1, runId);
                    run.setLong(2, institutionId);
                    run.setString(3, period.toString());
                    run.setObject(4, runAt);
                    run.setObject(5, runAt.plusSeconds(40));
                    run.setLong(6, operatorId);
                    run.setInt(7, subscribers.size());
                    run.addBatch();
                    boolean summer = period.getMonthValue() >= 6 && period.getMonthValue() <= 9;
                    for (SubscriberRow s : subscribers) {
                        int consumption = consumption(s.baseConsumption(), summer);
                        long capacity = (long) Math.pow(10, s.dialDigits());
                        long index = (indexes.get(s.id()) + consumption) % capacity;
                        indexes.put(s.id(), index);
                        long readingId = nextId("reading");
                        reading.setLong(1, readingId);
                        reading.setLong(2, institutionId);
                        reading.setLong(3, s.id());
                        reading.setLong(4, s.meterId());
                        reading.setString(5, period.toString());
                        reading.setObject(6, readingDate);
                        reading.setLong(7, index);
                        reading.setLong(8, consumption);
                        reading.setString(9, consumption == 0 ? "ZERO_CONSUMPTION" : null);
                        reading.setObject(10, readingDate.atTime(9 + random.nextInt(7), random.nextInt(60)));
                        reading.addBatch();

                        BillComputation computed = tariffs.get(s.category()).bill(kind, plan.kdvExempt(), consumption);
                        Money total = computed.total();
                        long billId = nextId("bill");
                        bill.setLong(1, billId);
                        bill.setLong(2, institutionId);
                        bill.setLong(3, s.id());
                        bill.setString(4, String.format("%s-%d-%06d", plan.code(), readingDate.getYear(), ++billSeq));
                        bill.setString(5, period.toString());
                        bill.setLong(6, runId);
                        bill.setLong(7, readingId);
                        bill.setObject(8, readingDate);
                        bill.setObject(9, dueDate);
                        bill.setLong(10, consumption);
                        bill.setBigDecimal(11, total.amount());
                        bill.setObject(12, runAt.plusSeconds(30));
                        bill.addBatch();
                        int seq = 1;
                        for (ComputedLine l : computed.lines()) {
                            line.setLong(1, billId);
                            line.setInt(2, seq++);
                            line.setString(3, l.kind().name());
                            line.setString(4, BillLineTexts.describe(l, TURKISH));
                            line.setBigDecimal(5, l.quantity());
                            line.setBigDecimal(6, l.unitPrice());
                            line.setBigDecimal(7, l.amount().amount());
                            line.setBigDecimal(8, l.kdvRate());
                            line.addBatch();
                        }
                        billCount++;
                        if (total.isPositive() && pays(s.payerProfile(), m)) {
                            LocalDateTime paidAt = readingDate.plusDays(1 + random.nextInt(plan.dueDays()))
                                    .atTime(9 + random.nextInt(8), random.nextInt(60), random.nextInt(60));
                            if (paidAt.isBefore(now)) {
                                payments.add(new PaymentRow(s.id(), billId, total, paidAt));
                            }
                        }
                    }
                }
                run.executeBatch();
                reading.executeBatch();
                bill.executeBatch();
                line.executeBatch();
            }
            writePayments(plan, institutionId, operatorId, payments);
        }

        private void writePayments(InstitutionPlan plan, long institutionId, long operatorId,
                                   List<PaymentRow> payments) throws SQLException {
            payments.sort(Comparator.comparing(PaymentRow::paidAt));
            int receiptSeq = 0;
            try (PreparedStatement payment = connection.prepareStatement("INSERT INTO payment (id, institution_id,"
                    + " subscriber_id, amount, channel, paid_at, receipt_no, external_ref, received_by, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement allocation = connection.prepareStatement("INSERT INTO payment_allocation"
                         + " (payment_id, bill_id, kind, amount) VALUES (?, ?, 'PRINCIPAL', ?)")) {
                for (PaymentRow p : payments) {
                    long id = nextId("payment");
                    int draw = random.nextInt(100);
                    String channel = draw < 45 ? "CASH" : draw < 80 ? "OFFICE" : "BANK";
                    payment.setLong(1, id);
                    payment.setLong(2, institutionId);
                    payment.setLong(3, p.subscriberId());
                    payment.setBigDecimal(4, p.amount().amount());
                    payment.setString(5, channel);
                    payment.setObject(6, p.paidAt());
                    payment.setString(7, String.format("%s-M-%06d", plan.code(), ++receiptSeq));
                    payment.setString(8, "BANK".equals(channel) ? "EFT-" + plan.code() + "-" + id : null);
                    payment.setObject(9, "BANK".equals(channel) ? null : operatorId, Types.BIGINT);
                    payment.setObject(10, p.paidAt());
                    payment.addBatch();
                    allocation.setLong(1, id);
                    allocation.setLong(2, p.billId());
                    allocation.setBigDecimal(3, p.amount().amount());
                    allocation.addBatch();
                }
                payment.executeBatch();
                allocation.executeBatch();
            }
            paymentCount += payments.size();
        }

        /**
         * Whether a bill of month m (0 = oldest) gets paid: good payers (profile 0) pay everything but part of
         * the newest two months, irregular payers (1) about half, debtors (2) almost nothing.
         */
        private boolean pays(int profile, int month) {
            int percent = switch (profile) {
                case 0 -> month < MONTHS - 2 ? 100 : month == MONTHS - 2 ? 60 : 15;
                case 1 -> month < MONTHS - 2 ? 55 : month == MONTHS - 2 ? 25 : 5;
                default -> month < 2 ? 40 : 0;
            };
            return random.nextInt(100) < percent;
        }

        private int consumption(int base, boolean summer) {
            if (random.nextInt(100) < 3) {
                return 0; // empty house, closed tap
            }
            int value = base + (summer ? base * 3 / 10 : 0) + random.nextInt(9) - 4;
            return Math.max(5, Math.min(30, value));
        }

        private int pick(double[] weights) {
            double draw = random.nextDouble();
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                if (draw < sum) {
                    return i;
                }
            }
            return 0;
        }

        private String fullName(String category, InstitutionPlan plan) {
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            String place = plan.name().replace(" Muhtarlığı", "").replace(" Belediyesi", "");
            return switch (category) {
                case "PUBLIC" -> List.of(place + " İlkokulu", place + " Camii", place + " Sağlık Ocağı",
                        place + " Muhtarlık Binası", place + " Jandarma Karakolu").get(random.nextInt(5));
                case "COMMERCIAL" -> surname + " " + BUSINESSES[random.nextInt(BUSINESSES.length)];
                default -> (random.nextBoolean() ? MALE_NAMES[random.nextInt(MALE_NAMES.length)]
                        : FEMALE_NAMES[random.nextInt(FEMALE_NAMES.length)]) + " " + surname;
            };
        }

        private String newTckn() {
            String value;
            do {
                value = Tckn.fromFirstNine((1 + random.nextInt(9)) + String.format("%08d", random.nextInt(100_000_000)))
                        .value();
            } while (!tckns.add(value));
            return value;
        }

        private String phone() {
            return "05" + (30 + random.nextInt(26)) + String.format("%07d", random.nextInt(10_000_000));
        }

        private String address(InstitutionPlan plan, int area) {
            String place = plan.neighbourhoods()[area] + " No: " + (1 + random.nextInt(120));
            if ("VILLAGE".equals(plan.kind())) {
                return plan.name().replace(" Muhtarlığı", "") + ", " + place + ", " + plan.district() + "/" + plan.province();
            }
            return place + ", " + plan.district() + "/" + plan.province();
        }
    }
}
