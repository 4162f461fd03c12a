package org.sutahsilat.payment.card;

import org.sutahsilat.payment.CheckoutResult;
import org.sutahsilat.payment.CheckoutStatus;

/**
 * What a retrieved checkout means for an attempt. The delivery (callback, webhook) is never trusted: only the
 * gateway's signed answer to our retrieve, and it must match the attempt in everything that concerns money.
 */
public final class SettlementRules {

    /** The judgement of one retrieve. */
    public enum Verdict {
        /** SUCCESS with amount, currency, basket and conversation equal to the attempt: record one payment. */
        PAY,
        /** SUCCESS whose money or identity does not match the attempt: record nothing, log, staff review. */
        MISMATCH,
        /** FAILURE: nothing was charged. */
        FAIL,
        /** Not finished yet (3-D Secure under way, or nothing entered): ask again later. */
        WAIT
    }

    /** A verdict and, for MISMATCH, what differed (no personal data). */
    public record Judgement(Verdict verdict, String detail) {
    }

    private SettlementRules() {
    }

    public static Judgement judge(CardAttempt attempt, CheckoutResult result) {
        if (result.status() == CheckoutStatus.FAILURE) {
            return new Judgement(Verdict.FAIL, result.errorCode());
        }
        if (result.status() == CheckoutStatus.PENDING) {
            return new Judgement(Verdict.WAIT, result.paymentStatus());
        }
        StringBuilder wrong = new StringBuilder();
        if (result.paidPriceKurus() != attempt.amountKurus()) {
            wrong.append("paidPrice ").append(result.paidPriceKurus()).append(" != ").append(attempt.amountKurus())
                    .append("; ");
        }
        if (result.priceKurus() != attempt.amountKurus()) {
            wrong.append("price ").append(result.priceKurus()).append(" != ").append(attempt.amountKurus())
                    .append("; ");
        }
        if (!attempt.currency().equals(result.currency())) {
            wrong.append("currency ").append(result.currency()).append("; ");
        }
        if (!attempt.reference().equals(result.basketId())) {
            wrong.append("basketId ").append(result.basketId()).append("; ");
        }
        if (!attempt.conversationId().equals(result.conversationId())) {
            wrong.append("conversationId ").append(result.conversationId()).append("; ");
        }
        if (attempt.token() != null && !attempt.token().equals(result.token())) {
            wrong.append("token; ");
        }
        if (result.paymentId() == null || result.paymentId().isBlank()) {
            wrong.append("no paymentId; ");
        }
        if (!wrong.isEmpty()) {
            return new Judgement(Verdict.MISMATCH, wrong.toString().strip());
        }
        return new Judgement(Verdict.PAY, null);
    }
}
