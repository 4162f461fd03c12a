package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.BillingPeriod;

/**
 * A billing run opened by {@link BillingRunService#open} for a caller whose tenant scope permitted it. Only the
 * service creates tickets, so {@link BillingRunService#process} can run on a worker thread that has no request
 * (and no tenant context) of its own.
 */
public final class BillingRunTicket {

    private final long runId;
    private final long institutionId;
    private final BillingPeriod period;

    BillingRunTicket(long runId, long institutionId, BillingPeriod period) {
        this.runId = runId;
        this.institutionId = institutionId;
        this.period = period;
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

    @Override
    public String toString() {
        return "BillingRunTicket[run=" + runId + ", institution=" + institutionId + ", period=" + period + "]";
    }
}
