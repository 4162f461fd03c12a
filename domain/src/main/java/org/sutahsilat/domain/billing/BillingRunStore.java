package org.sutahsilat.domain.billing;

import jakarta.persistence.EntityManager;
import org.sutahsilat.domain.shared.BillingPeriod;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bulk persistence of billing runs (batched JDBC on the transaction's connection). Every method works inside
 * the transaction of the EntityManager it is given; none commits.
 */
public interface BillingRunStore {

    /**
     * The run of the institution and period, created if there is none (two concurrent calls create one run).
     * A FAILED run becomes RUNNING again and the total is recounted; a COMPLETED run is returned unchanged.
     */
    BillingRunProgress openRun(EntityManager em, long institutionId, BillingPeriod period, Instant now);

    /**
     * The id of the run of the institution and period, created if there is none (RUNNING, no heartbeat yet: nobody
     * works on it), with its row locked until the transaction ends.
     */
    long lockOrCreateRun(EntityManager em, long institutionId, BillingPeriod period, Instant now);

    /** Makes a locked run RUNNING again for a new worker: total recounted, error cleared, heartbeat written. */
    void resumeRun(EntityManager em, long runId, Instant heartbeat);

    /** The runs not COMPLETED of the given institutions (all institutions when null), newest first. */
    List<BillingRunProgress> unfinishedRuns(EntityManager em, java.util.Collection<Long> institutionIds, int limit);

    /** Creates the institution's number series for the year if missing, after any number already used in it. */
    void ensureNumberSeries(EntityManager em, long institutionId, String institutionCode, int year);

    /** Locks the run's row until the transaction ends (chunks of one run never overlap); empty if there is none. */
    Optional<BillingRunStatus> lockRun(EntityManager em, long runId);

    /** The next subscribers (by id, after the given one) the run has neither billed nor skipped. */
    List<BillingCandidate> nextCandidates(EntityManager em, long runId, long institutionId, BillingPeriod period,
                                          long afterSubscriberId, int limit);

    /** Takes {@code count} consecutive numbers of the series (locked until the transaction ends); the first one. */
    long takeBillNumbers(EntityManager em, long institutionId, int year, int count);

    /** Inserts the bills of a run with their lines, batched. */
    void insertRunBills(EntityManager em, long runId, List<Bill> bills);

    void insertSkips(EntityManager em, long runId, List<SkippedSubscriber> skips);

    void recordChunk(EntityManager em, long runId, int processed, int billsCreated, int skipped, Instant now);

    void complete(EntityManager em, long runId, Instant now);

    void fail(EntityManager em, long runId, String error, Instant now);

    Optional<BillingRunProgress> progress(EntityManager em, long runId);

    List<SkippedSubscriber> skipped(EntityManager em, long runId);
}
