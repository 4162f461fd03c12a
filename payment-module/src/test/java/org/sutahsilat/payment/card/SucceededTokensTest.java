package org.sutahsilat.payment.card;

import org.junit.jupiter.api.Test;
import org.sutahsilat.payment.card.CardResults.Outcome;
import org.sutahsilat.payment.card.CardResults.Settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SucceededTokensTest {

    private static Settlement paid(long attempt) {
        return new Settlement(Outcome.SUCCEEDED, attempt, "ref-" + attempt, 100 + attempt, "K-M2026-00000" + attempt);
    }

    @Test
    void remembersSucceededSettlementsAndForgetsTheLeastRecentlyUsedBeyondItsCapacity() {
        SucceededTokens tokens = new SucceededTokens(2);
        tokens.put("t1", paid(1));
        tokens.put("t2", paid(2));
        assertThat(tokens.get("t1")).isEqualTo(paid(1)); // t1 is now the most recently used
        tokens.put("t3", paid(3));

        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.get("t2")).isNull();
        assertThat(tokens.get("t1")).isEqualTo(paid(1));
        assertThat(tokens.get("t3")).isEqualTo(paid(3));
    }

    @Test
    void refusesEveryOutcomeThatCanStillChange() {
        SucceededTokens tokens = new SucceededTokens(10);
        for (Outcome o : Outcome.values()) {
            if (o != Outcome.SUCCEEDED) {
                assertThatThrownBy(() -> tokens.put("t", new Settlement(o, 1L, "ref", null, null)))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThatThrownBy(() -> tokens.put("t", new Settlement(Outcome.SUCCEEDED, 1L, "ref", null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tokens.get("t")).isNull();
        assertThatThrownBy(() -> new SucceededTokens(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
