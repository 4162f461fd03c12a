package org.sutahsilat.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.sutahsilat.db.DatabaseSettings;
import org.sutahsilat.db.EmbeddedDatabase;
import org.sutahsilat.db.Migrations;
import org.sutahsilat.domain.billing.BillingRunProgress;
import org.sutahsilat.domain.billing.BillingRunService;
import org.sutahsilat.domain.billing.BillingRunStatus;
import org.sutahsilat.domain.billing.ChunkTransactions;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.tariff.Tariff;
import org.sutahsilat.domain.tariff.TariffVersion;
import org.sutahsilat.domain.tariff.TierMode;
import org.sutahsilat.domain.tariff.WastewaterMode;
import org.sutahsilat.domain.tenant.FixedTenantContext;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.infrastructure.jdbc.JdbcBillingRunStore;
import org.sutahsilat.infrastructure.jpa.JpaCreditSettlement;
import org.sutahsilat.infrastructure.jpa.ResourceLocalChunkTransactions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The billing benchmark of issue 3 (item 6): {@code BillingBench N [chunkSize]}.
 * <ol>
 * <li>A fresh embedded MariaDB under {@code bench/target/bench-db}, migrated with the real migrations.</li>
 * <li>One municipality with the domain.md tariff (progressive 0–10 @ 20, above 10 @ 30, wastewater 50 % of water,
 *     ÇTV 0.60/m³, KDV 1 % water / 10 % wastewater), N RESIDENTIAL subscribers with a meter and an ACTUAL reading
 *     for 2026-03 (consumption 5–35 m³), written with batched JDBC (rewriteBatchedStatements: multi-row INSERTs).
 *     No session setting is changed: unique and foreign-key checks stay on.</li>
 * <li>Timed: {@link BillingRunService#start} — the code the admin button runs — with RESOURCE_LOCAL chunk
 *     transactions and the production {@link JdbcBillingRunStore}.</li>
 * <li>The ceiling, same server, same connection settings: a raw JDBC batch insert of as many rows as the run wrote
 *     into a scratch table shaped like bill_line.</li>
 * </ol>
 */
public final class BillingBench {

    private static final BillingPeriod PERIOD = BillingPeriod.of(2026, 3);
    private static final LocalDate READ_ON = LocalDate.of(2026, 3, 5);
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    /** Rows per batch (one multi-row INSERT per table and batch) and per transaction in the setup. */
    private static final int SETUP_BATCH = 5_000;
    /** Rows per executeBatch and per commit in the ceiling measurement. */
    private static final int CEILING_BATCH = 5_000;

    private BillingBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BillingBench N [chunkSize]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        int chunkSize = args.length > 1 ? Integer.parseInt(args[1]) : BillingRunService.DEFAULT_CHUNK_SIZE;
        long bufferPoolMb = Long.getLong("bench.bufferPoolMb", 1024);
        long logFileMb = Long.getLong("bench.logFileMb", 0);

        Path dir = Path.of("bench", "target", "bench-db").toAbsolutePath();
        deleteRecursively(dir);
        long t0 = System.nanoTime();
        EmbeddedDatabase database = EmbeddedDatabase.start(dir, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        DatabaseSettings settings = database.createDatabase("bench");
        if (bufferPoolMb > 0) {
            // a server setting as any production MariaDB would be sized; the embedded default is 128 MB
            try (Connection c = settings.connect(); Statement s = c.createStatement()) {
                s.execute("SET GLOBAL innodb_buffer_pool_size = " + bufferPoolMb * 1024 * 1024);
            }
        }
        if (logFileMb > 0) {
            try (Connection c = settings.connect(); Statement s = c.createStatement()) {
                s.execute("SET GLOBAL innodb_log_file_size = " + logFileMb * 1024 * 1024);
            }
        }
        Migrations.migrate(settings);
        log("database  MariaDB %s under %s, innodb_buffer_pool_size=%d MB, innodb_log_file_size=%d MB,"
                        + " started and migrated in %.1f s", scalar(settings, "SELECT VERSION()"), dir,
                Long.parseLong(scalar(settings, "SELECT @@innodb_buffer_pool_size")) / (1024 * 1024),
                Long.parseLong(scalar(settings, "SELECT @@innodb_log_file_size")) / (1024 * 1024), seconds(t0));

        EntityManagerFactory emf = Persistence.createEntityManagerFactory("sutahsilat", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "com.mysql.cj.jdbc.Driver",
                "jakarta.persistence.jdbc.url", settings.url(),
                "jakarta.persistence.jdbc.user", settings.user(),
                "jakarta.persistence.jdbc.password", settings.password(),
                "eclipselink.target-server", "None"));
        try {
            long t1 = System.nanoTime();
            long institutionId = createMunicipality(emf);
            createSubscribers(settings, institutionId, n);
            log("setup     1 municipality, %d subscribers + meters + readings in %.1f s", n, seconds(t1));

            // --- the billing run, timed --------------------------------------------------------------------------
            TimedBillingRunStore store = new TimedBillingRunStore(new JdbcBillingRunStore());
            TimedChunkTransactions transactions = new TimedChunkTransactions(new ResourceLocalChunkTransactions(emf));
            BillingRunService service = new BillingRunService(transactions, store, new JpaCreditSettlement(),
                    new FixedTenantContext(TenantScope.all()), Clock.systemUTC(), chunkSize);
            AtomicInteger chunks = new AtomicInteger();
            System.gc();
            HeapSampler heap = HeapSampler.start();
            long runStart = System.nanoTime();
            // as the admin app's BillingRunLauncher: the next chunk is read ahead on a second (pooled) thread
            java.util.concurrent.ExecutorService readAhead = java.util.concurrent.Executors.newSingleThreadExecutor();
            BillingRunProgress done;
            try {
                done = service.start(institutionId, PERIOD, p -> chunks.incrementAndGet(), readAhead);
            } finally {
                readAhead.shutdown();
            }
            long runNanos = System.nanoTime() - runStart;
            heap.stop();
            if (done.status() != BillingRunStatus.COMPLETED || done.billsCreated() != n) {
                throw new IllegalStateException("the run did not bill every subscriber: " + done);
            }
            double runSeconds = runNanos / 1e9;
            long bills = count(settings, "SELECT COUNT(*) FROM bill WHERE billing_run_id = " + done.runId());
            long lines = count(settings, "SELECT COUNT(*) FROM bill_line l JOIN bill b ON b.id = l.bill_id"
                    + " WHERE b.billing_run_id = " + done.runId());
            long skips = count(settings, "SELECT COUNT(*) FROM billing_run_skip WHERE billing_run_id = "
                    + done.runId());
            long rows = bills + lines + skips + 2; // + the billing_run row and the bill_number_sequence row
            double billsPerSecond = bills / runSeconds;
            double rowsPerBill = (double) rows / bills;
            log("run       chunk size %d, %d chunks, %d bills, %d lines, %d skips in %.1f s (%.0f rows/s written)",
                    chunkSize, chunks.get(), bills, lines, skips, runSeconds, rows / runSeconds);
            double tx = transactions.nanos.sum() / 1e9;
            double lock = store.lockNanos.sum() / 1e9;
            double select = store.selectNanos.sum() / 1e9;
            double numbers = store.numberNanos.sum() / 1e9;
            double insert = store.insertNanos.sum() / 1e9;
            double book = store.bookkeepingNanos.sum() / 1e9;
            log("breakdown inside transactions %.1f s: select candidates+readings %.1f s, insert bills+lines %.1f s,"
                            + " lock run %.1f s, bill numbers %.1f s, progress/bookkeeping %.1f s,"
                            + " pricing+bill objects+begin/commit %.1f s",
                    tx, select, insert, lock, numbers, book, tx - select - insert - lock - numbers - book);
            log("heap      sampled peak used %d MB, sum of heap-pool peaks %d MB (-Xmx %d MB)",
                    heap.sampledPeak() >> 20, heap.poolPeaks() >> 20, Runtime.getRuntime().maxMemory() >> 20);

            // --- the ceiling, same server ------------------------------------------------------------------------
            double ceiling = ceiling(settings, rows);
            log("ceiling   raw JDBC batch insert of %d rows into a copy of bill_line (batches of %d, commit per"
                    + " batch): %.0f rows/s", rows, CEILING_BATCH, ceiling);

            double ratio = billsPerSecond * rowsPerBill / ceiling;
            System.out.printf(Locale.ROOT, "billing-bench subscribers=%d bills_per_s=%d ceiling_rows_per_s=%d"
                            + " rows_per_bill=%d ratio=%.2f heap_peak_mb=%d%n", n, Math.round(billsPerSecond),
                    Math.round(ceiling), Math.round(rowsPerBill), ratio, heap.sampledPeak() >> 20);
        } finally {
            emf.close();
            database.close();
        }
    }

    // --- setup ---------------------------------------------------------------------------------------------------

    private static long createMunicipality(EntityManagerFactory emf) {
        Instant now = Instant.now();
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            Institution i = Institution.register("BENCH", "Bench Belediyesi", InstitutionKind.MUNICIPALITY, "Bolu",
                    "Mudurnu", now);
            em.persist(i);
            em.flush();
            Tariff t = Tariff.create(i.getId(), SubscriberCategory.RESIDENTIAL, "Mesken");
            TariffVersion.of(t, LocalDate.of(2026, 1, 1), TierMode.PROGRESSIVE, now)
                    .tier(0, 10L, new BigDecimal("20.0000")).tier(10, null, new BigDecimal("30.0000"))
                    .wastewater(WastewaterMode.SHARE_OF_WATER, new BigDecimal("0.5"))
                    .ctv(new BigDecimal("0.6000"))
                    .kdv(new BigDecimal("0.01"), new BigDecimal("0.10"), BigDecimal.ZERO);
            em.persist(t);
            em.getTransaction().commit();
            return i.getId();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Subscribers, meters and readings with ids 1..n (a fresh database), in batches of multi-row INSERTs. */
    private static void createSubscribers(DatabaseSettings settings, long institutionId, int n) throws SQLException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection c = settings.connect();
             PreparedStatement subscriber = c.prepareStatement("INSERT INTO subscriber (id, institution_id,"
                     + " subscriber_no, full_name, category, status, payment_code, route_code, route_order,"
                     + " created_at) VALUES (?, ?, ?, ?, 'RESIDENTIAL', 'ACTIVE', ?, ?, ?, ?)");
             PreparedStatement meter = c.prepareStatement("INSERT INTO meter (id, institution_id, subscriber_id,"
                     + " serial_no, dial_digits, installed_on) VALUES (?, ?, ?, ?, 6, '2025-01-01')");
             PreparedStatement reading = c.prepareStatement("INSERT INTO reading (id, institution_id, subscriber_id,"
                     + " meter_id, period, reading_date, meter_index, consumption_m3, kind, source, recorded_at)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTUAL', 'HANDHELD', ?)")) {
            c.setAutoCommit(false);
            for (long id = 1; id <= n; id++) {
                long m3 = 5 + (id * 7919) % 31; // 5..35 m³: some bills with one water tier, most with two
                subscriber.setLong(1, id);
                subscriber.setLong(2, institutionId);
                subscriber.setString(3, "S" + id);
                subscriber.setString(4, "Abone " + id);
                subscriber.setString(5, paymentCode(id));
                subscriber.setString(6, "R" + (id / 500));
                subscriber.setLong(7, id % 500);
                subscriber.setObject(8, now);
                subscriber.addBatch();
                meter.setLong(1, id);
                meter.setLong(2, institutionId);
                meter.setLong(3, id);
                meter.setString(4, "M" + id);
                meter.addBatch();
                reading.setLong(1, id);
                reading.setLong(2, institutionId);
                reading.setLong(3, id);
                reading.setLong(4, id);
                reading.setString(5, PERIOD.toString());
                reading.setObject(6, READ_ON);
                reading.setLong(7, 1000 + m3);
                reading.setLong(8, m3);
                reading.setObject(9, now);
                reading.addBatch();
                if (id % SETUP_BATCH == 0 || id == n) {
                    subscriber.executeBatch();
                    meter.executeBatch();
                    reading.executeBatch();
                    c.commit();
                }
            }
        }
    }

    /** A valid payment code derived from the id (eight letters of the code alphabet). */
    private static String paymentCode(long id) {
        StringBuilder sb = new StringBuilder(8);
        long v = id * 2_654_435_761L;
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET.charAt((int) Math.floorMod(v, (long) ALPHABET.length())));
            v /= ALPHABET.length();
        }
        return sb.toString();
    }

    // --- ceiling -------------------------------------------------------------------------------------------------

    /** Raw JDBC batch insert of {@code rows} bill-line-shaped rows; rows per second. */
    private static double ceiling(DatabaseSettings settings, long rows) throws SQLException {
        try (Connection c = settings.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_ceiling_line LIKE bill_line");
            }
            c.setAutoCommit(false);
            BigDecimal quantity = new BigDecimal("10.000");
            BigDecimal price = new BigDecimal("20.0000");
            BigDecimal amount = new BigDecimal("200.00");
            BigDecimal kdv = new BigDecimal("0.0100");
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_ceiling_line (bill_id, seq, kind,"
                    + " description, quantity, unit_price, amount, kdv_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long i = 0; i < rows; i++) {
                    ps.setLong(1, 1 + i / 7);
                    ps.setInt(2, (int) (i % 7) + 1);
                    ps.setString(3, "WATER");
                    ps.setString(4, "Su bedeli 0–10 m³ kademe");
                    ps.setBigDecimal(5, quantity);
                    ps.setBigDecimal(6, price);
                    ps.setBigDecimal(7, amount);
                    ps.setBigDecimal(8, kdv);
                    ps.addBatch();
                    if ((i + 1) % CEILING_BATCH == 0 || i + 1 == rows) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Wall time spent inside the chunk transactions (begin to commit). */
    private static final class TimedChunkTransactions implements ChunkTransactions {
        final LongAdder nanos = new LongAdder();
        private final ChunkTransactions delegate;

        TimedChunkTransactions(ChunkTransactions delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Function<EntityManager, T> work) {
            long t0 = System.nanoTime();
            try {
                return delegate.inTransaction(work);
            } finally {
                nanos.add(System.nanoTime() - t0);
            }
        }
    }

    /** Peak used heap: sampled every 5 ms, and the heap pools' own peak after a reset. */
    private static final class HeapSampler implements Runnable {
        private final AtomicLong peak = new AtomicLong();
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private volatile boolean running = true;
        private Thread thread;
        private long poolPeaks;

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            s.pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            s.thread = new Thread(s, "heap-sampler");
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            poolPeaks = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        long sampledPeak() {
            return peak.get();
        }

        long poolPeaks() {
            return poolPeaks;
        }
    }

    private static long count(DatabaseSettings settings, String sql) throws SQLException {
        return Long.parseLong(scalar(settings, sql));
    }

    private static String scalar(DatabaseSettings settings, String sql) throws SQLException {
        try (Connection c = settings.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
