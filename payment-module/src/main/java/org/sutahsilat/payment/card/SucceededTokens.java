package org.sutahsilat.payment.card;

import org.sutahsilat.payment.card.CardResults.Outcome;
import org.sutahsilat.payment.card.CardResults.Settlement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The successful settlements one node has seen, by token, the most recent {@code capacity} of them: a SUCCEEDED
 * attempt never changes, so a later delivery of its token can be answered without the database. Memory stays
 * bounded (the least recently used token is forgotten first); a forgotten token is simply read again.
 */
final class SucceededTokens {

    /** About a day of card payments for a large installation, a few MB. */
    static final int DEFAULT_CAPACITY = 20_000;

    private final Map<String, Settlement> byToken;

    SucceededTokens(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.byToken = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Settlement> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Settlement get(String token) {
        return byToken.get(token);
    }

    /** Whether the settlement can never change: SUCCEEDED, with its payment. */
    static boolean isFinal(Settlement settlement) {
        return settlement.outcome() == Outcome.SUCCEEDED && settlement.paymentId() != null;
    }

    /** Remembers a final settlement ({@link #isFinal}); any other outcome may still change and is refused. */
    synchronized void put(String token, Settlement settlement) {
        if (!isFinal(settlement)) {
            throw new IllegalArgumentException("only a SUCCEEDED settlement with its payment is final: " + settlement);
        }
        byToken.put(token, settlement);
    }

    synchronized int size() {
        return byToken.size();
    }
}
