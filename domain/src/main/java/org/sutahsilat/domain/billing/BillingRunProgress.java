package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.BillingPeriod;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a billing run stands: what the progress bar shows.
 *
 * @param totalSubscribers subscribers the run has to bill or report (recounted at every start)
 * @param processed        subscribers billed or skipped so far
 * @param heartbeatAt      when the last chunk was committed (null before the first)
 * @param lastError        why the run FAILED, if it did
 */
public record BillingRunProgress(long runId, long institutionId, BillingPeriod period, BillingRunStatus status,
                                 int totalSubscribers, int processed, int billsCreated, int skipped,
                                 Instant startedAt, Instant heartbeatAt, Instant finishedAt, String lastError) {

    /** 0–100, for the bar; 100 when the run is COMPLETED. */
    public int percent() {
        if (status == BillingRunStatus.COMPLETED) {
            return 100;
        }
        if (totalSubscribers <= 0) {
            return 0;
        }
        return (int) Math.min(99, processed * 100L / totalSubscribers);
    }

    public boolean isCompleted() {
        return status == BillingRunStatus.COMPLETED;
    }

    /** A RUNNING run whose last sign of life is older than the given time: its worker died; start it again. */
    public boolean isStalled(Instant now, Duration after) {
        Instant last = heartbeatAt != null ? heartbeatAt : startedAt;
        return status == BillingRunStatus.RUNNING && last != null && last.plus(after).isBefore(now);
    }
}
