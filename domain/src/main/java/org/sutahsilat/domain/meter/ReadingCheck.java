package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.subscriber.Subscriber;

/**
 * A reading checked against the rules but not posted: the subscriber, the meter it is for (null when the subscriber
 * has none) and the evaluation (accepted with consumption and flags, or rejected with a message key).
 */
public record ReadingCheck(Subscriber subscriber, Meter meter, ReadingEvaluation evaluation) {

    public boolean isAccepted() {
        return evaluation.isAccepted();
    }

    public ReadingEvaluation.Accepted accepted() {
        return evaluation.orThrow();
    }
}
