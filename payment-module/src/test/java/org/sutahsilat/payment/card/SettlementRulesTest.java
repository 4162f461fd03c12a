package org.sutahsilat.payment.card;

import org.junit.jupiter.api.Test;
import org.sutahsilat.payment.CheckoutResult;
import org.sutahsilat.payment.CheckoutStatus;
import org.sutahsilat.payment.card.SettlementRules.Verdict;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SettlementRulesTest {

    private static final CardAttempt ATTEMPT = new CardAttempt(42, 1, 7, "ref-42", 14_814, "TRY", AttemptStatus.OPEN,
            "tok-42", "https://pay/tok-42", Instant.EPOCH, null, null, false, Instant.EPOCH);

    @Test
    void aSuccessEqualToTheAttemptIsPaid() {
        assertThat(SettlementRules.judge(ATTEMPT, success(14_814, 14_814, "TRY", "ref-42", "42", "tok-42")).verdict())
                .isEqualTo(Verdict.PAY);
    }

    @Test
    void anyDifferenceInMoneyOrIdentityIsAMismatch() {
        assertThat(judge(success(14_813, 14_814, "TRY", "ref-42", "42", "tok-42"))).contains("paidPrice 14813");
        assertThat(judge(success(14_814, 14_815, "TRY", "ref-42", "42", "tok-42"))).contains("price 14815");
        assertThat(judge(success(14_814, 14_814, "USD", "ref-42", "42", "tok-42"))).contains("currency USD");
        assertThat(judge(success(14_814, 14_814, "TRY", "ref-43", "42", "tok-42"))).contains("basketId ref-43");
        assertThat(judge(success(14_814, 14_814, "TRY", "ref-42", "43", "tok-42"))).contains("conversationId 43");
        assertThat(judge(success(14_814, 14_814, "TRY", "ref-42", "42", "tok-43"))).contains("token");
    }

    @Test
    void failureAndPendingAreNotPayments() {
        CheckoutResult failure = new CheckoutResult(CheckoutStatus.FAILURE, "FAILURE", null, 0, 0, null, null, "42",
                "tok-42", null, "10051", "limit", false);
        CheckoutResult pending = new CheckoutResult(CheckoutStatus.PENDING, "INIT_THREEDS", null, 0, 0, null,
                "ref-42", "42", "tok-42", null, null, null, true);
        assertThat(SettlementRules.judge(ATTEMPT, failure).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(SettlementRules.judge(ATTEMPT, pending).verdict()).isEqualTo(Verdict.WAIT);
    }

    private static String judge(CheckoutResult result) {
        SettlementRules.Judgement j = SettlementRules.judge(ATTEMPT, result);
        assertThat(j.verdict()).isEqualTo(Verdict.MISMATCH);
        return j.detail();
    }

    private static CheckoutResult success(long paid, long price, String currency, String basket, String conversation,
                                          String token) {
        return new CheckoutResult(CheckoutStatus.SUCCESS, "SUCCESS", "27416231", paid, price, currency, basket,
                conversation, token, 1, null, null, true);
    }
}
