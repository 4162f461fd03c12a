package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.sutahsilat.domain.billing.CreditSettlement;
import org.sutahsilat.domain.payment.PaymentService;
import org.sutahsilat.domain.tenant.FixedTenantContext;
import org.sutahsilat.domain.tenant.TenantScope;

import java.time.Clock;
import java.util.List;

/**
 * {@link CreditSettlement} through {@link PaymentService#applyCredit}, run on the chunk's EntityManager (so in the
 * chunk's transaction, scoped to the run's institution). One indexed query per chunk finds the subscribers with
 * credit; most chunks find none and cost nothing more.
 */
@ApplicationScoped
public class JpaCreditSettlement implements CreditSettlement {

    /** Subscribers of the range whose CREDIT rows sum above zero (walks the payment index by subscriber). */
    static final String WITH_CREDIT_SQL = "SELECT p.subscriber_id FROM payment p FORCE INDEX (ix_payment_subscriber)"
            + " JOIN payment_allocation a ON a.payment_id = p.id AND a.kind = 'CREDIT'"
            + " WHERE p.subscriber_id BETWEEN ? AND ? AND p.institution_id = ?"
            + " GROUP BY p.subscriber_id HAVING SUM(a.amount) > 0 ORDER BY p.subscriber_id";

    @Override
    public int settle(EntityManager em, long institutionId, long fromSubscriberId, long toSubscriberId, Clock clock) {
        List<?> ids = em.createNativeQuery(WITH_CREDIT_SQL)
                .setParameter(1, fromSubscriberId)
                .setParameter(2, toSubscriberId)
                .setParameter(3, institutionId)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        PaymentService payments = paymentService(em, institutionId, clock);
        int settled = 0;
        for (Object id : ids) {
            if (!payments.applyCredit(institutionId, ((Number) id).longValue(), null).isEmpty()) {
                settled++;
            }
        }
        return settled;
    }

    /**
     * {@link PaymentService} working in the transaction of {@code em}, scoped to one institution: for work with no
     * user and no request tenant (a billing run's chunk, a card payment's callback or reconciliation).
     */
    public static PaymentService paymentService(EntityManager em, long institutionId, Clock clock) {
        FixedTenantContext scope = new FixedTenantContext(TenantScope.of(institutionId));
        return new PaymentService(new JpaPaymentRepository(em, scope), new JpaSubscriberRepository(em, scope),
                new JpaInstitutionRepository(em, scope), new JpaAuditLog(em), scope, clock);
    }
}
