package org.sutahsilat.bench;

import jakarta.persistence.EntityManager;
import org.sutahsilat.domain.billing.Bill;
import org.sutahsilat.domain.billing.BillingCandidate;
import org.sutahsilat.domain.billing.BillingRunProgress;
import org.sutahsilat.domain.billing.BillingRunStatus;
import org.sutahsilat.domain.billing.BillingRunStore;
import org.sutahsilat.domain.billing.SkippedSubscriber;
import org.sutahsilat.domain.shared.BillingPeriod;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Delegates to the production store and adds up the wall time of each kind of call, so the bench can say where a
 * chunk's time goes (the rest of a chunk is pricing, bill building and transaction begin/commit).
 */
final class TimedBillingRunStore implements BillingRunStore {

    final LongAdder lockNanos = new LongAdder();
    final LongAdder selectNanos = new LongAdder();
    final LongAdder numberNanos = new LongAdder();
    final LongAdder insertNanos = new LongAdder();
    final LongAdder bookkeepingNanos = new LongAdder();

    private final BillingRunStore delegate;
    private static final int PROBE_EVERY = Integer.getInteger("bench.probeEvery", 0);
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    private static void probe(EntityManager em, long runId, long institutionId, BillingPeriod period, long after,
                              int limit) {
        java.sql.Connection c = em.unwrap(java.sql.Connection.class);
        String p = period.toString();
        probeOne(c, after, org.sutahsilat.infrastructure.jdbc.JdbcBillingRunStore.NEXT_CANDIDATES_SQL,
                runId, runId, institutionId, after, p, limit);
        probeOne(c, after, org.sutahsilat.infrastructure.jdbc.JdbcBillingRunStore.CHUNK_READINGS_SQL,
                institutionId, p, after + 1, after + limit);
    }

    private static void probeOne(java.sql.Connection c, long after, String sql, Object... params) {
        long t0 = System.nanoTime();
        try (java.sql.PreparedStatement ps = c.prepareStatement("ANALYZE FORMAT=JSON " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                String json = rs.getString(1).replaceAll("\\s+", " ");
                StringBuilder plan = new StringBuilder();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "\"table_name\": \"(\\w+)\".*?\"access_type\": \"(\\w+)\"(.*?\"used_key_parts\": (\\[[^]]*\\]))?")
                        .matcher(json);
                while (m.find()) {
                    plan.append(m.group(1)).append(':').append(m.group(2)).append(m.group(4) == null ? "" : m.group(4))
                            .append("; ");
                }
                System.out.printf("probe after=%d %.1f ms %s%n", after, (System.nanoTime() - t0) / 1e6, plan);
            }
        } catch (java.sql.SQLException e) {
            System.out.println("probe failed: " + e);
        }
    }

    TimedBillingRunStore(BillingRunStore delegate) {
        this.delegate = delegate;
    }

    private static <T> T timed(LongAdder into, Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            into.add(System.nanoTime() - t0);
        }
    }

    private static void timed(LongAdder into, Runnable work) {
        long t0 = System.nanoTime();
        try {
            work.run();
        } finally {
            into.add(System.nanoTime() - t0);
        }
    }

    @Override
    public BillingRunProgress openRun(EntityManager em, long institutionId, BillingPeriod period, Instant now) {
        return timed(bookkeepingNanos, () -> delegate.openRun(em, institutionId, period, now));
    }

    @Override
    public long lockOrCreateRun(EntityManager em, long institutionId, BillingPeriod period, Instant now) {
        return timed(bookkeepingNanos, () -> delegate.lockOrCreateRun(em, institutionId, period, now));
    }

    @Override
    public void resumeRun(EntityManager em, long runId, Instant heartbeat) {
        timed(bookkeepingNanos, () -> delegate.resumeRun(em, runId, heartbeat));
    }

    @Override
    public List<BillingRunProgress> unfinishedRuns(EntityManager em, java.util.Collection<Long> institutionIds,
                                                   int limit) {
        return delegate.unfinishedRuns(em, institutionIds, limit);
    }

    @Override
    public void ensureNumberSeries(EntityManager em, long institutionId, String institutionCode, int year) {
        timed(bookkeepingNanos, () -> delegate.ensureNumberSeries(em, institutionId, institutionCode, year));
    }

    @Override
    public Optional<BillingRunStatus> lockRun(EntityManager em, long runId) {
        return timed(lockNanos, () -> delegate.lockRun(em, runId));
    }

    @Override
    public List<BillingCandidate> nextCandidates(EntityManager em, long runId, long institutionId,
                                                 BillingPeriod period, long afterSubscriberId, int limit) {
        if (PROBE_EVERY > 0 && calls.incrementAndGet() % PROBE_EVERY == 0) {
            probe(em, runId, institutionId, period, afterSubscriberId, limit);
        }
        return timed(selectNanos, () -> delegate.nextCandidates(em, runId, institutionId, period, afterSubscriberId,
                limit));
    }

    @Override
    public long takeBillNumbers(EntityManager em, long institutionId, int year, int count) {
        return timed(numberNanos, () -> delegate.takeBillNumbers(em, institutionId, year, count));
    }

    @Override
    public void insertRunBills(EntityManager em, long runId, List<Bill> bills) {
        timed(insertNanos, () -> delegate.insertRunBills(em, runId, bills));
    }

    @Override
    public void insertSkips(EntityManager em, long runId, List<SkippedSubscriber> skips) {
        timed(insertNanos, () -> delegate.insertSkips(em, runId, skips));
    }

    @Override
    public void recordChunk(EntityManager em, long runId, int processed, int billsCreated, int skipped, Instant now) {
        timed(bookkeepingNanos, () -> delegate.recordChunk(em, runId, processed, billsCreated, skipped, now));
    }

    @Override
    public void complete(EntityManager em, long runId, Instant now) {
        timed(bookkeepingNanos, () -> delegate.complete(em, runId, now));
    }

    @Override
    public void fail(EntityManager em, long runId, String error, Instant now) {
        delegate.fail(em, runId, error, now);
    }

    @Override
    public Optional<BillingRunProgress> progress(EntityManager em, long runId) {
        return timed(bookkeepingNanos, () -> delegate.progress(em, runId));
    }

    @Override
    public List<SkippedSubscriber> skipped(EntityManager em, long runId) {
        return delegate.skipped(em, runId);
    }
}
