package org.sutahsilat.domain.billing;

import jakarta.persistence.EntityManager;

import java.time.Clock;

/**
 * What a billing run's chunk does once its bills are inserted: the unspent credit of the chunk's subscribers (an
 * earlier overpayment) is spent on their open debt, the new bills among it, in the chunk's own transaction. So a
 * chunk that commits has issued its bills and spent the credit on them, and a chunk killed halfway has done neither;
 * a resumed run never spends credit twice (the credit is gone once spent).
 *
 * <p>The payment rules (oldest debt first, surcharge before principal, the surcharge charged on the bills reached)
 * are those of {@code PaymentService#applyCredit}; an implementation only finds who has credit and calls them.
 */
public interface CreditSettlement {

    /** For runs that must not touch payments (never in the application). */
    CreditSettlement NONE = (em, institutionId, fromSubscriberId, toSubscriberId, clock) -> 0;

    /**
     * Spends the credit of the institution's subscribers whose ids lie in [{@code fromSubscriberId},
     * {@code toSubscriberId}], dated today by {@code clock}, in the transaction of {@code em}.
     *
     * @return how many subscribers had credit spent
     */
    int settle(EntityManager em, long institutionId, long fromSubscriberId, long toSubscriberId, Clock clock);
}
