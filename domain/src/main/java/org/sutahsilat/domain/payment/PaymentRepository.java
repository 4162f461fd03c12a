package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.institution.SurchargePolicy;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.surcharge.SurchargeCalculator;
import org.sutahsilat.domain.surcharge.SurchargeRate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Payments, their allocation rows and the surcharge charged, within the tenant scope in force. The reads that feed
 * an allocation ({@link #paymentsOf}, {@link #chargesOf} with {@link Read#LOCKING}) are locking reads taken after
 * {@link #lockSubscriber}, so they always see the latest committed postings of the subscriber. A screen that only
 * shows an account reads {@link Read#PLAIN}: it never waits for, nor holds up, a posting.
 */
public interface PaymentRepository {

    /** How a ledger read is taken. */
    enum Read {
        /** {@code FOR UPDATE}: the latest committed rows, held until the end of the transaction (postings). */
        LOCKING,
        /** A consistent read that takes no lock (screens that only show an account). */
        PLAIN
    }

    /** Sort keys accepted by {@link #search}. */
    Set<String> SORT_KEYS = Set.of("paidAt", "receivedOn", "receiptNo", "amount", "channel", "subscriberNo");

    Optional<Payment> find(long id);

    Optional<Payment> findByIdempotencyKey(long institutionId, String key, Read read);

    Optional<Payment> findReversalOf(long paymentId);

    /** Whether a payment of the channel already carries this (bank or POS) reference, in any institution. */
    boolean referenceUsed(PaymentChannel channel, String reference);

    /**
     * Locks the subscriber's row until the end of the transaction: the postings of one subscriber are serialised
     * (two cashiers, a double click, a card callback at the same time).
     */
    void lockSubscriber(long subscriberId);

    /**
     * Locks the subscriber's row by its number (nothing if there is none). Taken as the transaction's first
     * statement, the plain reads after it see every posting committed before the lock was granted.
     */
    void lockSubscriberByNo(long institutionId, String subscriberNo);

    /** Every payment of the subscriber with its allocation rows, oldest first. */
    List<Payment> paymentsOf(long subscriberId, Read read);

    /** The surcharge charged on the subscriber's bills. */
    List<SurchargeCharge> chargesOf(long subscriberId, Read read);

    /**
     * One bill's share of the ledger in one plain read: the allocation rows on it, each dated and marked in force or
     * not as {@link SubscriberLedger#of} would, and the surcharge charged on it. For a page that shows one bill (the
     * QR page) without loading the subscriber's whole ledger; empty outside the scope in force.
     */
    SubscriberLedger.BillRows billRows(long institutionId, long billId);

    /** The subscriber's bills in force (ISSUED). */
    List<SubscriberLedger.BillEntry> billsInForce(long subscriberId);

    /** The next number of the institution's receipt series of the year, taken in the caller's transaction. */
    String nextReceiptNo(long institutionId, String institutionCode, int year);

    Payment save(Payment payment);

    SurchargeCharge save(SurchargeCharge charge);

    /** Writes pending rows (credit transfers added to managed payments) now. */
    void flush();

    Optional<String> staffName(long userId);

    /** The dated rate table of a surcharge policy (table {@code surcharge_rate}). */
    List<SurchargeRate> surchargeRates(SurchargePolicy policy);

    /** The surcharge calculator of a policy, with its rate table. */
    default SurchargeCalculator surchargeCalculator(SurchargePolicy policy) {
        return new SurchargeCalculator(policy, surchargeRates(policy));
    }

    Page<PaymentSummary> search(PaymentFilter filter, PageRequest page);
}
