package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.BillingPeriod;

import java.time.Instant;

/**
 * A billing run opened by {@link BillingRunService#open} for a caller whose tenant scope permitted it. Only the
 * service creates tickets, so {@link BillingRunService#process} can run on a worker thread that has no request
 * (and no tenant context) of its own. A ticket from {@link BillingRunService#claim} carries the worker's lease.
 */
public final class BillingRunTicket {

    private final long runId;
    private final long institutionId;
    private final BillingPeriod period;
    /** The heartbeat the worker wrote when it claimed the run (its lease); null for {@link BillingRunService#start}. */
    private final Instant lease;

    BillingRunTicket(long runId, long institutionId, BillingPeriod period) {
        this(runId, institutionId, period, null);
    }

    BillingRunTicket(long runId, long institutionId, BillingPeriod period, Instant lease) {
        this.runId = runId;
        this.institutionId = institutionId;
        this.period = period;
        this.lease = lease;
    }

    public long runId() {
        return runId;
    }

    public long institutionId() {
        return institutionId;
    }

    public BillingPeriod period() {
        return period;
    }

    /** The heartbeat written when this ticket claimed the run; null when the ticket holds no lease. */
    Instant lease() {
        return lease;
    }

    @Override
    public String toString() {
        return "BillingRunTicket[run=" + runId + ", institution=" + institutionId + ", period=" + period + "]";
    }
}
