package org.sutahsilat.domain.billing;

/** RUNNING: started, or killed and not yet restarted. COMPLETED: every subscriber billed or skipped. FAILED: stopped by an error; a start resumes it. */
public enum BillingRunStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
