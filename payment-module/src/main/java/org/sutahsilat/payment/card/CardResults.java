package org.sutahsilat.payment.card;

/** What the card flow answers to its callers (pages, endpoints, jobs, tests). */
public final class CardResults {

    private CardResults() {
    }

    /**
     * A started (or resumed) checkout.
     *
     * @param reference our unguessable reference of the attempt (for the result page)
     * @param resumed   true when an open attempt of the subscriber was returned instead of a new one
     */
    public record Started(long attemptId, String reference, String paymentPageUrl, long amountKurus,
                          boolean resumed) {
    }

    /** The outcome of one delivery. */
    public enum Outcome {
        /** The attempt is SUCCEEDED (by this delivery or an earlier one). */
        SUCCEEDED,
        /** The gateway reported FAILURE (or the attempt had already failed/expired): nothing charged. */
        FAILED,
        /** Not finished at the gateway yet; nothing changed. */
        PENDING,
        /** The gateway did not answer: the attempt is UNKNOWN (never FAILED) until a later delivery settles it. */
        UNKNOWN,
        /** Refused and logged: unknown or forged token, or an answer that does not match the attempt. */
        REJECTED
    }

    /**
     * @param reference  the attempt's reference (null when the token is not ours)
     * @param paymentId  the recorded payment when SUCCEEDED
     * @param receiptNo  its receipt number when SUCCEEDED
     */
    public record Settlement(Outcome outcome, Long attemptId, String reference, Long paymentId, String receiptNo) {

        static Settlement rejected(CardAttempt a) {
            return new Settlement(Outcome.REJECTED, a == null ? null : a.id(), a == null ? null : a.reference(),
                    null, null);
        }
    }

    /** One reconciliation pass; {@code ran} is false when another node holds the lease. */
    public record Reconciliation(boolean ran, int examined, int succeeded, int failed, int expired, int stillOpen) {
    }

    /** A line of the daily report. */
    public enum Discrepancy {
        /** The gateway reports SUCCESS for an attempt that has no local payment. */
        GATEWAY_SUCCESS_WITHOUT_PAYMENT,
        /** A local CARD payment whose attempt the gateway does not report as SUCCESS (or that has no attempt). */
        PAYMENT_WITHOUT_GATEWAY_SUCCESS
    }

    public record ReportRow(Discrepancy kind, long institutionId, Long attemptId, String reference,
                            String gatewayPaymentId, Long paymentId, String receiptNo, long amountKurus,
                            String detail) {
    }
}
