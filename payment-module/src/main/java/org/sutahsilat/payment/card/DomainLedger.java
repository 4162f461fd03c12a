package org.sutahsilat.payment.card;

import jakarta.persistence.EntityManager;
import org.sutahsilat.domain.payment.Payment;
import org.sutahsilat.domain.payment.PaymentCommand;
import org.sutahsilat.domain.payment.PaymentService;
import org.sutahsilat.domain.payment.SubscriberAccount;
import org.sutahsilat.domain.tenant.FixedTenantContext;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.infrastructure.jpa.JpaCreditSettlement;
import org.sutahsilat.infrastructure.jpa.JpaPaymentRepository;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The domain's {@link PaymentService} on the EntityManager of the card flow's transaction, scoped to the attempt's
 * own institution (a callback or a reconciliation job has no user and no request tenant: the attempt decides).
 */
final class DomainLedger {

    private final Clock clock;

    DomainLedger(Clock clock) {
        this.clock = clock;
    }

    PaymentService service(EntityManager em, long institutionId) {
        return JpaCreditSettlement.paymentService(em, institutionId, clock);
    }

    /** Locks the subscriber's row by its number (nothing if there is none): the transaction's first statement. */
    void lockSubscriber(EntityManager em, long institutionId, String subscriberNo) {
        new JpaPaymentRepository(em, new FixedTenantContext(TenantScope.of(institutionId)))
                .lockSubscriberByNo(institutionId, subscriberNo == null ? "" : subscriberNo.strip());
    }

    SubscriberAccount account(EntityManager em, long institutionId, String subscriberNo) {
        return service(em, institutionId).account(institutionId, subscriberNo);
    }

    /**
     * Posts the payment (no receipt document: the settlement needs only its id and number), in a transaction whose
     * only statement before was the attempt's row lock: see {@link PaymentService#postAfterLockingReads}.
     */
    Payment post(EntityManager em, PaymentCommand command) {
        return service(em, command.institutionId()).postAfterLockingReads(command);
    }

    LocalDate today() {
        return Payment.today(clock);
    }
}
