package org.sutahsilat.payment.card;

import jakarta.persistence.EntityManager;
import org.sutahsilat.domain.billing.ChunkTransactions;
import org.sutahsilat.infrastructure.jdbc.TransactionConnection;
import org.sutahsilat.infrastructure.jpa.RetryingTransactions;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.domain.payment.Payment;
import org.sutahsilat.domain.payment.PaymentChannel;
import org.sutahsilat.domain.payment.PaymentCommand;
import org.sutahsilat.domain.payment.SubscriberAccount;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.payment.CheckoutRequest;
import org.sutahsilat.payment.CheckoutResult;
import org.sutahsilat.payment.CheckoutSession;
import org.sutahsilat.payment.PaymentGateway;
import org.sutahsilat.payment.PaymentGatewayException;
import org.sutahsilat.payment.card.CardResults.Discrepancy;
import org.sutahsilat.payment.card.CardResults.Outcome;
import org.sutahsilat.payment.card.CardResults.Reconciliation;
import org.sutahsilat.payment.card.CardResults.ReportRow;
import org.sutahsilat.payment.card.CardResults.Settlement;
import org.sutahsilat.payment.card.CardResults.Started;
import org.sutahsilat.payment.card.SettlementRules.Judgement;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Card payment attempts, settled exactly once (issue 4). Framework-free: the container wraps it in
 * {@link CardPaymentService}; tests build it on a RESOURCE_LOCAL factory.
 *
 * <ul>
 *   <li>{@link #start}: stores the attempt and its basket and commits <em>before</em> calling the gateway; one
 *       active attempt per subscriber (unique key on {@code active_subscriber_id}).</li>
 *   <li>{@link #settle}: every delivery of a token is checked by a retrieve; in one transaction the attempt row is
 *       locked, changed conditionally and the payment recorded with the idempotency key {@code card:<attempt id>}.</li>
 *   <li>{@link #reconcile}: one node at a time (lease), settles or expires the attempts whose callback never came.</li>
 *   <li>{@link #report}: the day's discrepancies between the gateway and the local payments.</li>
 * </ul>
 */
public final class CardPayments {

    public static final String LEASE = "card-reconciliation";
    private static final System.Logger LOG = System.getLogger(CardPayments.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RECONCILE_BATCH = 500;
    private static final int OPENING_POLLS = 50;
    private static final long OPENING_POLL_MILLIS = 100;

    /** Settlements running on this node, by attempt id (see {@link #coalesced}). */
    private final ConcurrentHashMap<Long, CompletableFuture<Settlement>> settling = new ConcurrentHashMap<>();
    /** Successful settlements this node has seen, by token (see {@link #settle}). */
    private final SucceededTokens succeeded = new SucceededTokens(SucceededTokens.DEFAULT_CAPACITY);
    private final ChunkTransactions tx;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final CardSettings settings;
    private final DomainLedger ledger;
    /** Turns to post (see {@link CardSettings#concurrentPostings}); fair, so a waiting delivery is not overtaken. */
    private final Semaphore postings;

    public CardPayments(ChunkTransactions tx, PaymentGateway gateway, Clock clock, CardSettings settings) {
        // a deadlock victim (two subscribers' postings next to each other in an index) is run again
        this.tx = new RetryingTransactions(tx);
        this.gateway = gateway;
        this.clock = clock;
        this.settings = settings;
        this.ledger = new DomainLedger(clock);
        this.postings = new Semaphore(settings.concurrentPostings(), true);
    }

    /**
     * What the subscriber wants to pay.
     *
     * @param billIds  the bills picked (a prefix of the open bills, oldest first); empty means all
     * @param clientIp the subscriber's address as seen by our server
     */
    public record StartCommand(long institutionId, String subscriberNo, List<Long> billIds, String clientIp) {

        public StartCommand {
            billIds = billIds == null ? List.of() : List.copyOf(billIds);
        }
    }

    // ---------------------------------------------------------------- start

    /** The subscriber's account as a card payment sees it (open bills with the surcharge due today), read only. */
    public SubscriberAccount account(long institutionId, long subscriberId) {
        return tx.inTransaction(em -> {
            org.sutahsilat.domain.subscriber.Subscriber s = em.find(org.sutahsilat.domain.subscriber.Subscriber.class,
                    subscriberId);
            if (s == null || s.getInstitutionId() != institutionId) {
                throw new org.sutahsilat.domain.shared.NotFoundException("subscriber", subscriberId);
            }
            return ledger.account(em, institutionId, s.getSubscriberNo().value());
        });
    }

    /**
     * Opens a checkout for the picked bills and returns the hosted page to redirect to; a second start while an
     * attempt is open returns that attempt's page.
     *
     * @throws DomainException {@code card.error.nothingToPay}, {@code card.error.billNotOpen},
     *                         {@code card.error.oldestFirst}, {@code card.error.pending} (an attempt whose outcome
     *                         is unknown or still opening blocks a new charge), {@code card.error.gatewayUnavailable}
     *                         (no answer: the attempt stays UNKNOWN), {@code card.error.gatewayRefused},
     *                         {@code error.payment.subscriberNotFound}
     */
    public Started start(StartCommand command) {
        Prepared prepared = tx.inTransaction(em -> prepare(em, command));
        for (int wait = 0; prepared.opening != null && wait < OPENING_POLLS; wait++) {
            // a double click while the first click's initialize is under way: wait for its page
            sleep();
            prepared = tx.inTransaction(em -> prepare(em, command));
        }
        if (prepared.opening != null) {
            throw new DomainException("card.error.pending", "attempt " + prepared.opening + " is still opening");
        }
        if (prepared.resumed != null) {
            return prepared.resumed;
        }
        CardAttempt attempt = prepared.attempt;
        CheckoutSession session;
        try {
            session = gateway.initializeCheckout(prepared.request);
        } catch (PaymentGatewayException e) {
            if (e.reason() == PaymentGatewayException.Reason.REJECTED) {
                tx.inTransaction(em -> CardAttemptStore.failed(em, attempt.id(), e.getMessage(), clock.instant()));
                throw new DomainException("card.error.gatewayRefused", "the gateway refused the checkout");
            }
            tx.inTransaction(em -> CardAttemptStore.unknown(em, attempt.id(), e.getMessage(), clock.instant()));
            throw new DomainException("card.error.gatewayUnavailable", "no answer from the gateway: " + e.reason());
        }
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(session.tokenExpireTimeSeconds() > 0 ? session.tokenExpireTimeSeconds()
                : settings.tokenLifetime().toSeconds());
        tx.inTransaction(em -> CardAttemptStore.opened(em, attempt.id(), session.token(), session.paymentPageUrl(),
                expires, now));
        return new Started(attempt.id(), attempt.reference(), session.paymentPageUrl(), attempt.amountKurus(), false);
    }

    private record Prepared(Started resumed, CardAttempt attempt, CheckoutRequest request, Long opening) {
    }

    private static void sleep() {
        try {
            Thread.sleep(OPENING_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException("card.error.pending", "interrupted");
        }
    }

    private Prepared prepare(EntityManager em, StartCommand command) {
        // The subscriber's row lock is the transaction's first statement: every posting and every start of the
        // subscriber takes it, so the plain reads after it (the account, the active attempt) see the latest state,
        // and no locking read of a missing row leaves a gap lock that two starts could deadlock on.
        ledger.lockSubscriber(em, command.institutionId(), command.subscriberNo());
        SubscriberAccount account = ledger.account(em, command.institutionId(), command.subscriberNo());
        long subscriberId = account.subscriberId();
        Optional<CardAttempt> active = CardAttemptStore.active(em, subscriberId);
        if (active.isPresent()) {
            CardAttempt a = active.get();
            if (a.status() == AttemptStatus.OPEN && a.pageUrl() != null && a.tokenExpiresAt() != null
                    && a.tokenExpiresAt().isAfter(clock.instant())
                    && samePick(em, a, Basket.choose(account.openBills(), command.billIds()))) {
                return new Prepared(new Started(a.id(), a.reference(), a.pageUrl(), a.amountKurus(), true), null,
                        null, null);
            }
            if (a.status() == AttemptStatus.OPEN && a.token() == null) {
                return new Prepared(null, null, null, a.id());
            }
            throw new DomainException("card.error.pending",
                    "attempt " + a.id() + " of the subscriber is " + a.status() + "; wait until it is settled");
        }
        if (account.credit().isPositive()) {
            // the ledger would spend the credit first and the basket would no longer be what the card pays
            throw new DomainException("card.error.creditFirst", "the subscriber has unspent credit");
        }
        Basket basket = Basket.choose(account.openBills(), command.billIds());
        String reference = newReference();
        Instant now = clock.instant();
        long id = CardAttemptStore.insert(em, command.institutionId(), subscriberId, reference, basket.totalKurus(),
                command.clientIp(), now);
        CardAttemptStore.insertBills(em, id, basket);
        CardAttempt attempt = CardAttemptStore.byId(em, id).orElseThrow();
        List<CheckoutRequest.BasketItem> items = basket.lines().stream()
                .map(l -> new CheckoutRequest.BasketItem("BILL-" + l.billId(), "Su faturası " + l.billNo(), "Su",
                        l.amountKurus()))
                .toList();
        // the callback URL names the attempt: a token delivered there for another attempt is a forgery
        CheckoutRequest request = new CheckoutRequest(attempt.conversationId(), reference,
                settings.callbackUrl() + "?ref=" + reference,
                buyer(em, subscriberId, command.clientIp()), items);
        return new Prepared(null, attempt, request, null);
    }

    /** The open attempt is reused only for the same bills (otherwise the subscriber must finish or wait for it). */
    private static boolean samePick(EntityManager em, CardAttempt a, Basket wanted) {
        return CardAttemptStore.billIds(em, a.id()).equals(wanted.lines().stream().map(Basket.Line::billId).toList())
                && a.amountKurus() == wanted.totalKurus();
    }

    // ---------------------------------------------------------------- settle

    /**
     * Settles the attempt of {@code token} by asking the gateway (the delivery itself is never trusted).
     *
     * @param claimedReference the attempt reference the delivery names (the callback URL carries it), or null; a
     *                         token that belongs to another attempt is a forged delivery: rejected and logged
     *
     * <p>A token this node has already seen settled SUCCEEDED is answered from memory: that outcome never changes
     * (a late FAILURE never overwrites it, a reversal is a new posting), and the callback, a refresh and the webhook
     * of one payment would otherwise each read the database again. A delivery naming another reference still goes
     * to the database, where it is logged as forged.
     */
    public Settlement settle(String token, DeliveryChannel channel, String claimedReference, String clientIp) {
        if (token == null || token.isBlank() || token.length() > 128) {
            incident("UNKNOWN_TOKEN", channel, null, token, "blank or oversized token", clientIp);
            return Settlement.rejected(null);
        }
        // the other deliveries of a token already settled here: SUCCEEDED is final, so the answer is the same
        Settlement known = succeeded.get(token);
        if (known != null && (claimedReference == null || claimedReference.equals(known.reference()))) {
            return known;
        }
        Settlement settlement = settleFromDatabase(token, channel, claimedReference, clientIp);
        if (SucceededTokens.isFinal(settlement)) {
            succeeded.put(token, settlement);
        }
        return settlement;
    }

    private Settlement settleFromDatabase(String token, DeliveryChannel channel, String claimedReference,
                                          String clientIp) {
        Optional<CardAttempt> found = tx.read(em -> CardAttemptStore.byTokenWithoutTransaction(em, token));
        if (found.isEmpty()) {
            incident("UNKNOWN_TOKEN", channel, null, token, "no attempt has this token", clientIp);
            return Settlement.rejected(null);
        }
        CardAttempt attempt = found.get();
        if (claimedReference != null && !claimedReference.equals(attempt.reference())) {
            Long claimed = tx.inTransaction(em -> CardAttemptStore.byReference(em, claimedReference))
                    .map(CardAttempt::id).orElse(null);
            incident("FORGED_TOKEN", channel, claimed, token, "token of attempt " + attempt.id()
                    + " delivered for reference of attempt " + claimed, clientIp);
            return Settlement.rejected(null);
        }
        if (attempt.status() == AttemptStatus.SUCCEEDED) {
            return succeeded(attempt);
        }
        if (attempt.status() == AttemptStatus.REJECTED) {
            return Settlement.rejected(attempt);
        }
        return coalesced(attempt, () -> retrieveAndSettle(attempt, token, channel, clientIp));
    }

    /**
     * Deliveries of one token arrive together (the browser's callback, a refresh, iyzico's webhook). On this node
     * only the first asks the gateway and settles; the others wait for its answer, which is theirs too: one
     * retrieve instead of several, and no queue on the attempt's row lock. Across nodes (or once the first is done)
     * the database keeps it exactly once: the attempt's row lock and its conditional state change. If the first
     * fails with an error, each waiting delivery settles by itself.
     */
    private Settlement coalesced(CardAttempt attempt, Supplier<Settlement> settlement) {
        CompletableFuture<Settlement> mine = new CompletableFuture<>();
        CompletableFuture<Settlement> running = settling.putIfAbsent(attempt.id(), mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException | CancellationException e) {
                return settlement.get();
            }
        }
        try {
            Settlement result = settlement.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            settling.remove(attempt.id(), mine);
        }
    }

    private Settlement retrieveAndSettle(CardAttempt attempt, String token, DeliveryChannel channel,
                                         String clientIp) {
        CheckoutResult result;
        try {
            result = gateway.retrieveCheckout(token, attempt.conversationId());
        } catch (PaymentGatewayException e) {
            tx.inTransaction(em -> CardAttemptStore.unknown(em, attempt.id(), e.getMessage(), clock.instant()));
            return new Settlement(Outcome.UNKNOWN, attempt.id(), attempt.reference(), null, null);
        }
        Judgement judgement = SettlementRules.judge(attempt, result);
        return switch (judgement.verdict()) {
            case PAY -> {
                // a bounded number of postings at once (the gateway calls before it are not bounded)
                postings.acquireUninterruptibly();
                try {
                    yield pay(attempt, result);
                } finally {
                    postings.release();
                }
            }
            case MISMATCH -> {
                tx.inTransaction(em -> {
                    CardAttemptStore.lock(em, attempt.id());
                    CardAttemptStore.rejected(em, attempt.id(), judgement.detail(), clock.instant());
                    CardAttemptStore.incident(em, "MISMATCH", channel, attempt.id(), token, judgement.detail(),
                            clientIp, clock.instant());
                    return null;
                });
                LOG.log(System.Logger.Level.WARNING, "card attempt {0} rejected: {1}", attempt.id(),
                        judgement.detail());
                yield Settlement.rejected(attempt);
            }
            case FAIL -> {
                tx.inTransaction(em -> CardAttemptStore.failed(em, attempt.id(), "gateway FAILURE "
                        + judgement.detail(), clock.instant()));
                CardAttempt now = tx.inTransaction(em -> CardAttemptStore.byId(em, attempt.id())).orElseThrow();
                yield now.status() == AttemptStatus.SUCCEEDED ? succeeded(now)
                        : new Settlement(Outcome.FAILED, attempt.id(), attempt.reference(), null, null);
            }
            case WAIT -> new Settlement(Outcome.PENDING, attempt.id(), attempt.reference(), null, null);
        };
    }

    /**
     * One transaction: lock the attempt, record the payment once, link it; a loser of the race sees SUCCEEDED. Its
     * statements before the posting are locking reads only (see {@link DomainLedger#post}): it runs under the
     * database's default isolation.
     */
    private Settlement pay(CardAttempt attempt, CheckoutResult result) {
        return tx.inTransaction(em -> {
            CardAttempt locked = CardAttemptStore.lock(em, attempt.id()).orElseThrow();
            if (locked.status() == AttemptStatus.SUCCEEDED) {
                return succeeded(locked);
            }
            if (!AttemptStatus.SETTLEABLE.contains(locked.status())) {
                return Settlement.rejected(locked);
            }
            Payment payment = ledger.post(em, new PaymentCommand(locked.institutionId(),
                    locked.subscriberId(), Money.ofKurus(result.paidPriceKurus()), PaymentChannel.CARD,
                    ledger.today(), result.paymentId(), null, "card:" + locked.id()));
            if (!CardAttemptStore.succeeded(em, locked.id(), payment.getId(), result.paymentId(),
                    clock.instant())) {
                throw new IllegalStateException("attempt " + locked.id() + " changed under its lock");
            }
            LOG.log(System.Logger.Level.INFO, "card attempt {0} settled: payment {1}, receipt {2}", locked.id(),
                    payment.getId(), payment.getReceiptNo());
            return new Settlement(Outcome.SUCCEEDED, locked.id(), locked.reference(), payment.getId(),
                    payment.getReceiptNo());
        });
    }

    private Settlement succeeded(CardAttempt a) {
        String receiptNo = tx.inTransaction(em -> receiptNo(em, a.paymentId()));
        return new Settlement(Outcome.SUCCEEDED, a.id(), a.reference(), a.paymentId(), receiptNo);
    }

    // ---------------------------------------------------------------- reconcile

    /**
     * Settles the active attempts older than the grace period whose callback never came; expires those past the
     * token lifetime that the gateway does not report as paid. Does nothing when another node holds the lease.
     */
    public Reconciliation reconcile(String holder) {
        Instant start = clock.instant();
        boolean mine = tx.inTransaction(em -> CardAttemptStore.takeLease(em, LEASE, holder, start,
                start.plus(settings.lease())));
        if (!mine) {
            return new Reconciliation(false, 0, 0, 0, 0, 0);
        }
        List<CardAttempt> due = tx.inTransaction(em -> CardAttemptStore.activeCreatedBefore(em,
                start.minus(settings.grace()), RECONCILE_BATCH));
        int succeeded = 0;
        int failed = 0;
        int expired = 0;
        int open = 0;
        for (CardAttempt a : due) {
            Instant now = clock.instant();
            Instant deadline = a.tokenExpiresAt() != null ? a.tokenExpiresAt()
                    : a.createdAt().plus(settings.tokenLifetime());
            if (a.token() == null) {
                // initialize never answered: the subscriber never saw a page, nothing can have been charged
                if (now.isAfter(deadline) && tx.inTransaction(em -> CardAttemptStore.expired(em, a.id(), now))) {
                    expired++;
                } else {
                    open++;
                }
                continue;
            }
            Settlement s;
            try {
                s = settle(a.token(), DeliveryChannel.RECONCILIATION, null, null);
            } catch (RuntimeException e) {
                // one attempt the ledger refuses (e.g. a business rule) must not stop the others: staff see it
                LOG.log(System.Logger.Level.WARNING, "card attempt " + a.id() + " could not be settled", e);
                open++;
                continue;
            }
            switch (s.outcome()) {
                case SUCCEEDED -> succeeded++;
                case FAILED -> failed++;
                case PENDING -> {
                    if (now.isAfter(deadline) && tx.inTransaction(em -> CardAttemptStore.expired(em, a.id(), now))) {
                        expired++;
                    } else {
                        open++;
                    }
                }
                default -> open++;
            }
        }
        LOG.log(System.Logger.Level.INFO, "card reconciliation by {0}: {1} examined, {2} succeeded, {3} failed,"
                + " {4} expired, {5} still open", holder, due.size(), succeeded, failed, expired, open);
        return new Reconciliation(true, due.size(), succeeded, failed, expired, open);
    }

    // ---------------------------------------------------------------- report

    /**
     * The day's discrepancies (business day in Türkiye) within {@code scope}: attempts of the day the gateway reports
     * as SUCCESS with no local payment, and local CARD payments of the day whose attempt the gateway does not report
     * as SUCCESS.
     */
    public List<ReportRow> report(LocalDate day, TenantScope scope) {
        Instant from = day.atStartOfDay(Payment.BUSINESS_ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(Payment.BUSINESS_ZONE).toInstant();
        List<ReportRow> rows = new ArrayList<>();
        List<CardAttempt> attempts = tx.inTransaction(em -> CardAttemptStore.createdBetween(em, from, to));
        for (CardAttempt a : attempts) {
            if (!scope.permits(a.institutionId()) || a.token() == null || a.paymentId() != null) {
                continue;
            }
            Optional<CheckoutResult> r = retrieve(a);
            if (r.isPresent() && r.get().isSuccess()) {
                rows.add(new ReportRow(Discrepancy.GATEWAY_SUCCESS_WITHOUT_PAYMENT, a.institutionId(), a.id(),
                        a.reference(), r.get().paymentId(), null, null, r.get().paidPriceKurus(),
                        a.status().name()));
            }
        }
        List<Object[]> payments = tx.inTransaction(em -> CardAttemptStore.cardPayments(em, from, to));
        for (Object[] p : payments) {
            long institutionId = (Long) p[1];
            if (!scope.permits(institutionId)) {
                continue;
            }
            long kurus = ((BigDecimal) p[3]).movePointRight(2).longValueExact();
            Long attemptId = (Long) p[5];
            Optional<CardAttempt> a = attemptId == null ? Optional.empty()
                    : tx.inTransaction(em -> CardAttemptStore.byId(em, attemptId));
            Optional<CheckoutResult> r = a.flatMap(this::retrieve);
            boolean confirmed = r.isPresent() && r.get().isSuccess() && r.get().paymentId() != null
                    && r.get().paymentId().equals(p[4]) && r.get().paidPriceKurus() == kurus;
            if (!confirmed) {
                rows.add(new ReportRow(Discrepancy.PAYMENT_WITHOUT_GATEWAY_SUCCESS, institutionId, attemptId,
                        a.map(CardAttempt::reference).orElse(null), (String) p[4], (Long) p[0], (String) p[2], kurus,
                        a.isEmpty() ? "no attempt" : r.isEmpty() ? "gateway did not answer"
                                : "gateway: " + r.get().status()));
            }
        }
        return rows;
    }

    /** Logs a delivery refused before it reached an attempt (e.g. a webhook with a bad signature). */
    public void refused(String kind, DeliveryChannel channel, String token, String detail, String clientIp) {
        incident(kind, channel, null, token, detail, clientIp);
    }

    /** The receipt of a SUCCEEDED attempt (the result page and its PDF), or empty. */
    public Optional<ReceiptDocument> receipt(CardAttempt attempt) {
        if (attempt.status() != AttemptStatus.SUCCEEDED || attempt.paymentId() == null) {
            return Optional.empty();
        }
        return Optional.of(tx.inTransaction(em -> ledger.service(em, attempt.institutionId())
                .receipt(attempt.paymentId())));
    }

    /** The attempt with that reference (the result page), or empty. */
    public Optional<CardAttempt> attempt(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return tx.inTransaction(em -> CardAttemptStore.byReference(em, reference));
    }

    // ---------------------------------------------------------------- internals

    private Optional<CheckoutResult> retrieve(CardAttempt a) {
        try {
            return Optional.of(gateway.retrieveCheckout(a.token(), a.conversationId()));
        } catch (PaymentGatewayException e) {
            return Optional.empty();
        }
    }

    private void incident(String kind, DeliveryChannel channel, Long attemptId, String token, String detail,
                          String clientIp) {
        LOG.log(System.Logger.Level.WARNING, "card delivery refused ({0}, {1}): {2}", kind, channel, detail);
        tx.inTransaction(em -> {
            CardAttemptStore.incident(em, kind, channel, attemptId, token, detail, clientIp, clock.instant());
            return null;
        });
    }

    private static String newReference() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String receiptNo(EntityManager em, Long paymentId) {
        if (paymentId == null) {
            return null;
        }
        try (PreparedStatement ps = TransactionConnection.of(em)
                .prepareStatement("SELECT receipt_no FROM payment WHERE id = ?")) {
            ps.setLong(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The buyer iyzico requires. The identity number is not decrypted here: iyzico accepts a placeholder for a
     * buyer whose number the merchant does not send ({@code 11111111111}); the e-mail likewise.
     */
    private static CheckoutRequest.Buyer buyer(EntityManager em, long subscriberId, String clientIp) {
        try (PreparedStatement ps = TransactionConnection.of(em).prepareStatement("SELECT s.full_name, s.phone,"
                + " s.address, i.province, i.district FROM subscriber s JOIN institution i ON i.id = s.institution_id"
                + " WHERE s.id = ?")) {
            ps.setLong(1, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String full = rs.getString(1).strip();
                int space = full.lastIndexOf(' ');
                String name = space > 0 ? full.substring(0, space) : full;
                String surname = space > 0 ? full.substring(space + 1) : full;
                String address = rs.getString(3) == null || rs.getString(3).isBlank()
                        ? rs.getString(5) + " / " + rs.getString(4) : rs.getString(3);
                return new CheckoutRequest.Buyer("SUB-" + subscriberId, name, surname, rs.getString(2),
                        "abone-" + subscriberId + "@sutahsilat.invalid", "11111111111", address, rs.getString(4),
                        "Turkey", clientIp == null || clientIp.isBlank() ? "127.0.0.1" : clientIp);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
