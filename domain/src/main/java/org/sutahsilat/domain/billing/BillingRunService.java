package org.sutahsilat.domain.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.tariff.Tariff;
import org.sutahsilat.domain.tariff.TariffVersion;
import org.sutahsilat.domain.tenant.TenantContext;
import org.sutahsilat.domain.tenant.TenantScope;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Billing runs: the bills of one institution for one period, from the period's readings.
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>One run per institution and period</b> (UNIQUE key): {@link #start} creates it or resumes it; two
 *     concurrent starts share one run. A COMPLETED run is never run again: starting it creates nothing.</li>
 * <li><b>Chunks.</b> Subscribers are taken in id order, {@code chunkSize} at a time, each chunk in a transaction
 *     of its own that first locks the run's row (chunks of one run never overlap, even from two workers), then
 *     inserts the chunk's bills and lines (batched JDBC), its skipped subscribers, the bill numbers it used and the
 *     run's progress. A chunk killed halfway leaves nothing; the restarted run takes exactly the subscribers that
 *     have neither a bill in this run nor a skip record, so no subscriber is billed twice (also enforced by the
 *     UNIQUE key bill(billing_run_id, subscriber_id)) and no number is lost.</li>
 * <li><b>Who is billed:</b> every subscriber of the institution with a reading (ACTUAL or ESTIMATED) for the
 *     period, at the tariff of its category in force on the reading date. Subscribers that cannot be billed
 *     (no reading unless CLOSED, no tariff, no version in force, an invalid version) are recorded with the reason
 *     ({@link #skipped}), never dropped silently.</li>
 * <li><b>The bill:</b> number {@code <institution code>-<period year>-<6-digit sequence>} from the institution's
 *     yearly series (consecutive, no gap), priced at the tariff in force on the reading date, issue date = the day
 *     it is made (the reading date if that is later), due date = the institution's {@link Institution#dueDate} from
 *     the issue date, the subscriber's payment code printed on it, line texts in Turkish. A bill is never born
 *     overdue: a run made weeks after the readings still gives every subscriber the institution's full payment
 *     period, and no surcharge runs before the bill exists.</li>
 * <li><b>Corrections</b> never edit a bill: {@link #reissue} reverses it and issues a new one.</li>
 * <li><b>Tenant scope:</b> a caller can only start, watch or correct the runs and bills of institutions in its
 *     scope; anything else is "not found".</li>
 * <li><b>One worker per run (lease).</b> A background worker gets its run from {@link #claim}: only a new run, a
 *     FAILED one, or a RUNNING one whose heartbeat is older than the lease ({@code su.billing.lease-seconds},
 *     default 120 s: its worker died, e.g. kill -9 or a lost node) can be claimed; a live run is left to its worker.
 *     The claim writes a heartbeat that is the worker's fencing token: every chunk, under the run's row lock, checks
 *     that the heartbeat is still the one this worker wrote last and writes the next one; a worker that finds another
 *     heartbeat (it was presumed dead and the run was claimed again) stops before billing anything. Correctness never
 *     rests on the lease alone: rule 2 and the unique keys keep even two workers from billing anyone twice.</li>
 * <li><b>Credit.</b> In the chunk's transaction, after its bills, the unspent credit of the chunk's subscribers is
 *     spent on their open debt, oldest first, so the new bill is paid from an earlier overpayment
 *     ({@link CreditSettlement}); the allocation is dated the day of the run.</li>
 * </ol>
 */
@ApplicationScoped
public class BillingRunService {

    public static final int DEFAULT_CHUNK_SIZE = 2000;
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    /** Configuration (MicroProfile Config; environment SU_BILLING_CHUNK_SIZE, SU_BILLING_LEASE_SECONDS). */
    public static final String CHUNK_SIZE_SETTING = "su.billing.chunk-size";
    public static final String LEASE_SETTING = "su.billing.lease-seconds";
    private static final int UNFINISHED_LIMIT = 20;
    private static final Locale BILL_LANGUAGE = Locale.forLanguageTag("tr-TR");
    private static final int CHUNK_ATTEMPTS = 3;
    /** Bills are dated in Türkiye's calendar. */
    private static final java.time.ZoneId BUSINESS_ZONE = java.time.ZoneId.of("Europe/Istanbul");

    private ChunkTransactions transactions;
    private BillingRunStore store;
    private CreditSettlement credits;
    private TenantContext tenant;
    private Clock clock;
    private int chunkSize;
    private Duration lease;
    private final BillCalculator calculator = new BillCalculator();

    protected BillingRunService() {
        // for CDI proxies
    }

    /** In the container: chunk size and lease from configuration. */
    @Inject
    public BillingRunService(ChunkTransactions transactions, BillingRunStore store, CreditSettlement credits,
                             TenantContext tenant, Clock clock) {
        this(transactions, store, credits, tenant, clock, setting(CHUNK_SIZE_SETTING, DEFAULT_CHUNK_SIZE),
                Duration.ofSeconds(setting(LEASE_SETTING, (int) DEFAULT_LEASE.toSeconds())));
    }

    public BillingRunService(ChunkTransactions transactions, BillingRunStore store, CreditSettlement credits,
                             TenantContext tenant, Clock clock, int chunkSize) {
        this(transactions, store, credits, tenant, clock, chunkSize, DEFAULT_LEASE);
    }

    public BillingRunService(ChunkTransactions transactions, BillingRunStore store, CreditSettlement credits,
                             TenantContext tenant, Clock clock, int chunkSize, Duration lease) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be positive: " + lease);
        }
        this.transactions = transactions;
        this.store = store;
        this.credits = java.util.Objects.requireNonNull(credits, "credits");
        this.tenant = tenant;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.lease = lease;
    }

    private static int setting(String name, int fallback) {
        int value = ConfigProvider.getConfig().getOptionalValue(name, Integer.class).orElse(fallback);
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    /** Creates or resumes the run and processes it to the end; returns its final progress. */
    public BillingRunProgress start(long institutionId, BillingPeriod period) {
        return start(institutionId, period, ChunkListener.NONE);
    }

    public BillingRunProgress start(long institutionId, BillingPeriod period, ChunkListener listener) {
        return process(open(institutionId, period), listener);
    }

    /** As {@link #start(long, BillingPeriod, ChunkListener)}, reading each next chunk ahead on {@code readAhead}. */
    public BillingRunProgress start(long institutionId, BillingPeriod period, ChunkListener listener,
                                    Executor readAhead) {
        return process(open(institutionId, period), listener, readAhead);
    }

    /**
     * Creates the run (or finds it) for a caller whose tenant scope permits the institution; {@link #process} then
     * does the work, possibly on another thread.
     */
    public BillingRunTicket open(long institutionId, BillingPeriod period) {
        requireInScope(institutionId, "institution", institutionId);
        return transactions.inTransaction(em -> {
            Institution institution = em.find(Institution.class, institutionId);
            if (institution == null) {
                throw new NotFoundException("institution", institutionId);
            }
            BillingRunProgress run = store.openRun(em, institutionId, period, clock.instant());
            store.ensureNumberSeries(em, institutionId, institution.getCode(), numberYear(period));
            return new BillingRunTicket(run.runId(), institutionId, period);
        });
    }

    /**
     * Claims the run of the institution and period for a background worker of this caller (tenant scope checked
     * here): creates it if there is none, and resumes it if it FAILED or its worker's lease expired. Empty when the
     * run is COMPLETED or a live worker holds it; {@link #find} then shows where it stands.
     */
    public Optional<BillingRunTicket> claim(long institutionId, BillingPeriod period) {
        requireInScope(institutionId, "institution", institutionId);
        return transactions.inTransaction(em -> {
            Institution institution = em.find(Institution.class, institutionId);
            if (institution == null) {
                throw new NotFoundException("institution", institutionId);
            }
            Instant now = clock.instant();
            long runId = store.lockOrCreateRun(em, institutionId, period, now);
            BillingRunProgress run = store.progress(em, runId).orElseThrow();
            boolean claimable = run.status() == BillingRunStatus.FAILED
                    || run.status() == BillingRunStatus.RUNNING
                    && (run.heartbeatAt() == null || run.isStalled(now, lease));
            if (!claimable) {
                return Optional.<BillingRunTicket>empty();
            }
            Instant token = nextHeartbeat(run.heartbeatAt(), now);
            store.resumeRun(em, runId, token);
            store.ensureNumberSeries(em, institutionId, institution.getCode(), numberYear(period));
            return Optional.of(new BillingRunTicket(runId, institutionId, period, token));
        });
    }

    /** A RUNNING run whose worker gave a sign of life within the lease. */
    public boolean isLive(BillingRunProgress run) {
        return run.status() == BillingRunStatus.RUNNING && run.heartbeatAt() != null
                && !run.isStalled(clock.instant(), lease);
    }

    /** A run stopped before its end: FAILED, or RUNNING with a worker that died (lease expired). Claim resumes it. */
    public boolean isInterrupted(BillingRunProgress run) {
        return run.status() == BillingRunStatus.FAILED
                || run.status() == BillingRunStatus.RUNNING && run.isStalled(clock.instant(), lease);
    }

    /** How long a worker may stay silent before its run counts as interrupted. */
    public Duration lease() {
        return lease;
    }

    /** The runs of the caller's institutions that are not COMPLETED (running or interrupted), newest first. */
    public List<BillingRunProgress> unfinished() {
        TenantScope scope = tenant.scope();
        if (scope.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(em -> store.unfinishedRuns(em, scope.isAll() ? null
                : scope.institutionIds(), UNFINISHED_LIMIT));
    }

    /**
     * Bills every subscriber the run has still to bill, chunk by chunk, and marks the run COMPLETED. A worker with a
     * lease ({@link #claim}) stops as soon as it finds that the run was claimed by another worker, and returns the
     * run's progress as it then stands.
     */
    public BillingRunProgress process(BillingRunTicket ticket, ChunkListener listener) {
        return process(ticket, listener, null);
    }

    /**
     * As {@link #process(BillingRunTicket, ChunkListener)}; with an executor, the next chunk's subscribers and
     * readings are selected (in a read-only transaction of their own) while the current chunk prices and inserts,
     * so the database works on both at once. Safe because a run has one worker (the lease) and the next chunk's
     * subscribers lie after the current chunk's: nothing the current chunk writes can change what is read ahead.
     * A chunk still locks the run and checks its lease first, and a retried chunk selects afresh.
     */
    public BillingRunProgress process(BillingRunTicket ticket, ChunkListener listener, Executor readAhead) {
        long runId = ticket.runId();
        Lease held = new Lease(ticket.lease());
        try {
            RunContext context = transactions.inTransaction(em -> load(em, ticket));
            long after = 0;
            ReadAhead ahead = null;
            while (true) {
                List<BillingCandidate> ready = ahead == null ? null : ahead.takeFor(after);
                ChunkOutcome outcome = chunkWithRetry(context, held, after, ready, readAhead);
                ahead = outcome.ahead();
                if (outcome.done()) {
                    break;
                }
                if (held.isLeased()) {
                    held.heartbeat = outcome.heartbeat();
                }
                after = outcome.lastSubscriberId();
                listener.chunkCommitted(outcome.progress());
            }
        } catch (RuntimeException e) {
            markFailed(runId, held, e);
            throw e;
        }
        return transactions.inTransaction(em -> store.progress(em, runId))
                .orElseThrow(() -> new NotFoundException("billingRun", runId));
    }

    /** Where the run stands (for the progress bar). */
    public BillingRunProgress progress(long runId) {
        return transactions.inTransaction(em -> store.progress(em, runId))
                .filter(p -> tenant.scope().permits(p.institutionId()))
                .orElseThrow(() -> new NotFoundException("billingRun", runId));
    }

    /** The run of the institution and period, if it was ever started. */
    public Optional<BillingRunProgress> find(long institutionId, BillingPeriod period) {
        if (!tenant.scope().permits(institutionId)) {
            return Optional.empty();
        }
        return transactions.inTransaction(em -> em.createNativeQuery(
                        "SELECT id FROM billing_run WHERE institution_id = ? AND period = ?")
                .setParameter(1, institutionId).setParameter(2, period.toString())
                .getResultList().stream().findFirst()
                .flatMap(id -> store.progress(em, ((Number) id).longValue())));
    }

    /** The subscribers the run could not bill, with the reason, by subscriber id. */
    public List<SkippedSubscriber> skipped(long runId) {
        progress(runId); // scope check
        return transactions.inTransaction(em -> store.skipped(em, runId));
    }

    /**
     * Corrects a bill: reverses it (a negative copy, numbered in the institution's series, dated {@code on}) and
     * issues a new bill for the corrected consumption at the tariff in force on the original reading date, issued
     * {@code on} and due after the institution's due days. The original becomes REVERSED; nothing is edited.
     */
    public BillReissue reissue(long billId, CubicMeters consumption, LocalDate on) {
        Institution owner = transactions.inTransaction(em -> {
            Bill bill = em.find(Bill.class, billId);
            if (bill == null || !tenant.scope().permits(bill.getInstitutionId())) {
                throw new NotFoundException("bill", billId);
            }
            Institution institution = em.find(Institution.class, bill.getInstitutionId());
            store.ensureNumberSeries(em, institution.getId(), institution.getCode(), on.getYear());
            return institution;
        });
        return transactions.inTransaction(em -> {
            Bill original = em.find(Bill.class, billId, LockModeType.PESSIMISTIC_WRITE);
            if (original.getStatus() != BillStatus.ISSUED) {
                throw new DomainException("error.bill.notReversible",
                        "bill " + original.getBillNo() + " cannot be reversed", original.getBillNo());
            }
            Subscriber subscriber = em.find(Subscriber.class, original.getSubscriberId());
            Tariff tariff = tariffs(em, owner.getId()).get(subscriber.getCategory());
            if (tariff == null) {
                throw new DomainException("error.billing.noTariff", "no tariff for category "
                        + subscriber.getCategory(), subscriber.getCategory());
            }
            // priced as the original was: on its reading's date (the bill itself was issued later, by the run)
            org.sutahsilat.domain.meter.Reading reading = original.getReadingId() == null ? null
                    : em.find(org.sutahsilat.domain.meter.Reading.class, original.getReadingId());
            LocalDate pricedOn = reading != null ? reading.getReadingDate() : original.getIssueDate();
            TariffVersion version = tariff.versionOn(pricedOn).orElseThrow(() -> new DomainException(
                    "error.tariff.noVersionOn", "tariff '" + tariff.getName() + "' has no version in force on "
                    + pricedOn, tariff.getName(), pricedOn));
            BillComputation computation = calculator.compute(owner.getKind(), owner.isKdvExempt(), version,
                    consumption);

            long first = store.takeBillNumbers(em, owner.getId(), on.getYear(), 2);
            Bill reversal = original.reverse(billNo(owner.getCode(), on.getYear(), first), on, clock.instant());
            Bill replacement = Bill.issue(owner.getId(), subscriber.getId(),
                            billNo(owner.getCode(), on.getYear(), first + 1), original.getPeriod(), null,
                            original.getReadingId(), on, owner.dueDate(on), consumption, clock.instant())
                    .printPaymentCode(subscriber.getPaymentCode());
            computation.writeTo(replacement, BILL_LANGUAGE);
            em.persist(reversal);
            em.persist(replacement);
            em.flush();
            return new BillReissue(original.getId(), reversal.getId(), reversal.getBillNo(), replacement.getId(),
                    replacement.getBillNo(), replacement.getTotal());
        });
    }

    // --- one chunk ---------------------------------------------------------------------------------------------

    private ChunkOutcome chunkWithRetry(RunContext context, Lease held, long after, List<BillingCandidate> ready,
                                        Executor readAhead) {
        for (int attempt = 1; ; attempt++) {
            List<BillingCandidate> given = attempt == 1 ? ready : null;
            try {
                return transactions.inTransaction(em -> chunk(em, context, held, after, given, readAhead));
            } catch (RuntimeException e) {
                // a deadlock, or a race lost against another worker of the same run: the chunk was rolled back whole
                if (attempt >= CHUNK_ATTEMPTS || !isRetryable(e)) {
                    throw e;
                }
            }
        }
    }

    private ChunkOutcome chunk(EntityManager em, RunContext context, Lease held, long after,
                               List<BillingCandidate> ready, Executor readAhead) {
        long runId = context.runId();
        Optional<BillingRunStatus> status = store.lockRun(em, runId);
        if (status.isEmpty() || status.get() == BillingRunStatus.COMPLETED) {
            return ChunkOutcome.DONE;
        }
        Instant now = clock.instant();
        Instant heartbeat = now;
        if (held.isLeased()) {
            // read after the lock: sees the last committed heartbeat, whoever wrote it
            Instant last = store.progress(em, runId).map(BillingRunProgress::heartbeatAt).orElse(null);
            if (!held.heartbeat.equals(last)) {
                return ChunkOutcome.DONE; // the run was claimed by another worker: leave it to that one
            }
            heartbeat = nextHeartbeat(last, now);
        }
        List<BillingCandidate> candidates = ready != null ? ready : store.nextCandidates(em, runId,
                context.institutionId(), context.period(), after, chunkSize);
        if (candidates.isEmpty()) {
            store.complete(em, runId, clock.instant());
            return ChunkOutcome.DONE;
        }
        long last = candidates.get(candidates.size() - 1).subscriberId();
        ReadAhead ahead = readAhead == null ? null : ReadAhead.start(readAhead, last, () -> transactions.inTransaction(
                other -> store.nextCandidates(other, runId, context.institutionId(), context.period(), last,
                        chunkSize)));
        List<Priced> priced = new ArrayList<>(candidates.size());
        List<SkippedSubscriber> skips = new ArrayList<>();
        for (BillingCandidate c : candidates) {
            price(context, c, priced, skips);
        }
        List<Bill> bills = new ArrayList<>(priced.size());
        if (!priced.isEmpty()) {
            int year = numberYear(context.period());
            long number = store.takeBillNumbers(em, context.institutionId(), year, priced.size());
            LocalDate today = LocalDate.ofInstant(now, BUSINESS_ZONE);
            for (Priced p : priced) {
                BillingCandidate c = p.candidate();
                LocalDate issued = c.readingDate().isAfter(today) ? c.readingDate() : today;
                Bill bill = Bill.issue(context.institutionId(), c.subscriberId(),
                                billNo(context.institutionCode(), year, number++), context.period(), runId,
                                c.readingId(), issued, context.institution().dueDate(issued),
                                c.consumption(), clock.instant())
                        .printPaymentCode(c.paymentCode());
                bills.add(p.computation().writeTo(bill, BILL_LANGUAGE));
            }
            store.insertRunBills(em, runId, bills);
        }
        store.insertSkips(em, runId, skips);
        // after the bills: credit left by earlier overpayments pays them (and older debt) in this same transaction
        credits.settle(em, context.institutionId(), after + 1, last, clock);
        store.recordChunk(em, runId, candidates.size(), bills.size(), skips.size(), heartbeat);
        BillingRunProgress progress = store.progress(em, runId).orElseThrow();
        return new ChunkOutcome(false, last, progress, heartbeat, ahead);
    }

    private void price(RunContext context, BillingCandidate c, List<Priced> priced, List<SkippedSubscriber> skips) {
        if (!c.hasReading()) {
            skips.add(new SkippedSubscriber(c.subscriberId(), c.subscriberNo(), SkipReason.NO_READING, null));
            return;
        }
        Tariff tariff = context.tariffs().get(c.category());
        if (tariff == null) {
            skips.add(new SkippedSubscriber(c.subscriberId(), c.subscriberNo(), SkipReason.NO_TARIFF,
                    c.category().name()));
            return;
        }
        Optional<TariffVersion> version = tariff.versionOn(c.readingDate());
        if (version.isEmpty()) {
            skips.add(new SkippedSubscriber(c.subscriberId(), c.subscriberNo(), SkipReason.NO_TARIFF_VERSION,
                    tariff.getName() + " @ " + c.readingDate()));
            return;
        }
        try {
            priced.add(new Priced(c, calculator.compute(context.kind(), context.kdvExempt(), version.get(),
                    c.consumption())));
        } catch (DomainException e) {
            skips.add(new SkippedSubscriber(c.subscriberId(), c.subscriberNo(), SkipReason.TARIFF_INVALID,
                    e.getMessage()));
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private RunContext load(EntityManager em, BillingRunTicket ticket) {
        Institution institution = em.find(Institution.class, ticket.institutionId());
        return new RunContext(ticket.runId(), ticket.institutionId(), ticket.period(), institution,
                institution.getCode(), institution.getKind(), institution.isKdvExempt(),
                tariffs(em, ticket.institutionId()));
    }

    /** The institution's tariffs by category, with every version and tier loaded (usable after the transaction). */
    private static Map<SubscriberCategory, Tariff> tariffs(EntityManager em, long institutionId) {
        Map<SubscriberCategory, Tariff> byCategory = new EnumMap<>(SubscriberCategory.class);
        for (Tariff t : em.createQuery("SELECT t FROM Tariff t WHERE t.institutionId = :i", Tariff.class)
                .setParameter("i", institutionId).getResultList()) {
            for (TariffVersion v : t.getVersions()) {
                v.getTiers();
            }
            byCategory.put(t.getCategory(), t);
        }
        return byCategory;
    }

    private void markFailed(long runId, Lease held, RuntimeException cause) {
        try {
            String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            transactions.inTransaction(em -> {
                store.lockRun(em, runId);
                if (held.isLeased() && !held.heartbeat.equals(store.progress(em, runId)
                        .map(BillingRunProgress::heartbeatAt).orElse(null))) {
                    return null; // another worker holds the run now: its state is not ours to change
                }
                store.fail(em, runId, message.length() > 1000 ? message.substring(0, 1000) : message, clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void requireInScope(long institutionId, String what, Object id) {
        if (!tenant.scope().permits(institutionId)) {
            // the same answer as for a missing row: do not reveal that it exists
            throw new NotFoundException(what, id);
        }
    }

    /**
     * The heartbeat a worker writes next: now (to the microsecond the database keeps), and always after the last one,
     * so that no two writes leave the same value and a heartbeat identifies the worker that wrote it.
     */
    static Instant nextHeartbeat(Instant last, Instant now) {
        Instant next = now.truncatedTo(ChronoUnit.MICROS);
        return last != null && !next.isAfter(last) ? last.plus(1, ChronoUnit.MICROS) : next;
    }

    /** The heartbeat this worker wrote last; null for a worker without a lease. */
    private static final class Lease {
        Instant heartbeat;

        Lease(Instant heartbeat) {
            this.heartbeat = heartbeat;
        }

        boolean isLeased() {
            return heartbeat != null;
        }
    }

    /** Bills of a run are numbered in the series of the period's year. */
    private static int numberYear(BillingPeriod period) {
        return period.month().getYear();
    }

    static String billNo(String institutionCode, int year, long sequence) {
        return String.format(Locale.ROOT, "%s-%d-%06d", institutionCode, year, sequence);
    }

    private static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private record RunContext(long runId, long institutionId, BillingPeriod period, Institution institution,
                              String institutionCode, InstitutionKind kind, boolean kdvExempt,
                              Map<SubscriberCategory, Tariff> tariffs) {
    }

    private record Priced(BillingCandidate candidate, BillComputation computation) {
    }

    private record ChunkOutcome(boolean done, long lastSubscriberId, BillingRunProgress progress, Instant heartbeat,
                                ReadAhead ahead) {
        static final ChunkOutcome DONE = new ChunkOutcome(true, 0, null, null, null);
    }

    /**
     * The next chunk's candidates, selected on another thread after {@code after}. If the executor has not started
     * the work by the time the chunk needs it (a pool of one thread busy with this very run, a saturated pool), it
     * is cancelled and the chunk selects for itself: waiting could deadlock, and never costs more than no read-ahead.
     */
    private static final class ReadAhead {
        private final long after;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<List<BillingCandidate>> candidates;

        private ReadAhead(long after, Executor executor, Supplier<List<BillingCandidate>> select) {
            this.after = after;
            this.candidates = CompletableFuture.supplyAsync(() -> {
                started.set(true);
                return select.get();
            }, executor);
        }

        /** Null when the executor refuses the work (shut down, saturated): the next chunk then selects itself. */
        static ReadAhead start(Executor executor, long after, Supplier<List<BillingCandidate>> select) {
            try {
                return new ReadAhead(after, executor, select);
            } catch (RejectedExecutionException e) {
                return null;
            }
        }

        /** The candidates if they were read for this cursor and the read succeeded; otherwise null (select again). */
        List<BillingCandidate> takeFor(long cursor) {
            if (cursor != after || (!started.get() && candidates.cancel(false))) {
                return null;
            }
            try {
                return candidates.join();
            } catch (CompletionException | CancellationException e) {
                return null;
            }
        }
    }
}
