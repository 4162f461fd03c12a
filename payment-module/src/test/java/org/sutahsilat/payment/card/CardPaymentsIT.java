package org.sutahsilat.payment.card;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.payment.PaymentChannel;
import org.sutahsilat.domain.payment.PaymentCommand;
import org.sutahsilat.domain.payment.SubscriberAccount;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.infrastructure.jpa.ResourceLocalChunkTransactions;
import org.sutahsilat.payment.card.CardPayments.StartCommand;
import org.sutahsilat.payment.card.CardResults.Discrepancy;
import org.sutahsilat.payment.card.CardResults.Outcome;
import org.sutahsilat.payment.card.CardResults.Reconciliation;
import org.sutahsilat.payment.card.CardResults.ReportRow;
import org.sutahsilat.payment.card.CardResults.Settlement;
import org.sutahsilat.payment.card.CardResults.Started;
import org.sutahsilat.payment.card.CardTestDatabase.Village;
import org.sutahsilat.payment.iyzico.IyzicoPaymentGateway;
import org.sutahsilat.payment.iyzico.IyzicoSettings;
import org.sutahsilat.payment.iyzico.IyzicoStub;
import org.sutahsilat.payment.iyzico.LightIyzicoStub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sutahsilat.payment.card.CardTestDatabase.count;
import static org.sutahsilat.payment.card.CardTestDatabase.string;

/**
 * Card payments end to end below the web layer: the real iyzipay-java client against the HTTPS stub, the real
 * migrations on embedded MariaDB, the domain's PaymentService. Each property of issue 4 items 3 and 4.
 */
class CardPaymentsIT {

    static {
        IyzicoStub.trustStubCertificate();
    }

    private static final String CALLBACK = "https://portal.example.org/odeme/donus";
    private static FakeIyzico fake;
    private static IyzicoStub stub;
    private static ExecutorService gatewayPool;
    private static IyzicoPaymentGateway gateway;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    private CardPayments card;
    private DomainLedger ledger;

    @BeforeAll
    static void startStub() {
        fake = new FakeIyzico();
        stub = FakeIyzico.start(fake);
        gatewayPool = Executors.newFixedThreadPool(64);
        gateway = new IyzicoPaymentGateway(new IyzicoSettings(stub.baseUrl(), IyzicoStub.API_KEY,
                IyzicoStub.SECRET_KEY, Duration.ofMillis(1000), Duration.ofMillis(1000)), gatewayPool);
    }

    @AfterAll
    static void stopStub() {
        gateway.close();
        gatewayPool.shutdownNow();
        stub.close();
    }

    @BeforeEach
    void setUp() {
        fake.initializeDelayMs = 0;
        fake.retrieveDelayMs = 0;
        card = new CardPayments(new ResourceLocalChunkTransactions(CardTestDatabase.emf()), gateway, clock,
                new CardSettings(CALLBACK, Duration.ZERO, CardSettings.IYZICO_TOKEN_LIFETIME, Duration.ofSeconds(60)));
        ledger = new DomainLedger(clock);
        CardTestDatabase.update("UPDATE job_lease SET holder = NULL, expires_at = '2000-01-01' WHERE name = ?",
                CardPayments.LEASE);
    }

    // ---------------------------------------------------------------- the happy path

    @Test
    void aCallbackRecordsOneCardPaymentOnExactlyTheBasketsBills() {
        Village v = Village.create();
        LocalDate today = ledger.today();
        long b1 = v.bill(today.plusDays(5), "123.45");
        long b2 = v.bill(today.plusDays(35), "24.69");
        long b3 = v.bill(today.plusDays(65), "10.00");

        Started started = card.start(new StartCommand(v.id, v.subscriberNo, List.of(b1, b2), "85.34.78.112"));

        assertThat(started.paymentPageUrl()).startsWith("https://sandbox-cpp.iyzipay.com?token=");
        assertThat(started.amountKurus()).isEqualTo(14_814);
        String token = fake.tokenOf(started.attemptId());
        var sent = fake.checkouts.get(token);
        assertThat(sent.get("conversationId").getAsString()).isEqualTo(String.valueOf(started.attemptId()));
        assertThat(sent.get("basketId").getAsString()).isEqualTo(started.reference());
        assertThat(sent.get("price").getAsBigDecimal()).isEqualByComparingTo("148.14");
        assertThat(sent.get("callbackUrl").getAsString()).isEqualTo(CALLBACK + "?ref=" + started.reference());
        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", started.attemptId())).isEqualTo("OPEN");

        Settlement s = card.settle(token, DeliveryChannel.CALLBACK, started.reference(), "85.34.78.112");

        assertThat(s.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(s.receiptNo()).isNotBlank();
        assertThat(string("SELECT CONCAT(channel, ' ', amount, ' ', external_ref, ' ', idempotency_key) FROM payment"
                + " WHERE id = ?", s.paymentId())).isEqualTo("CARD 148.14 " + fake.paymentIds.get(token) + " card:"
                + started.attemptId());
        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", started.attemptId()))
                .isEqualTo("SUCCEEDED");
        SubscriberAccount after = account(v);
        assertThat(after.openBills()).extracting(b -> b.billId()).containsExactly(b3);
        assertThat(after.debt()).isEqualTo(Money.of("10.00"));
    }

    // ---------------------------------------------------------------- recovery

    @Test
    void callbackAndWebhookBothLostTheReconciliationSettlesIt() {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "50.00");
        Started started = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        // the subscriber paid at the gateway; neither the callback nor the webhook reached us

        Reconciliation r = card.reconcile("node-a");

        assertThat(r.ran()).isTrue();
        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", started.attemptId()))
                .isEqualTo("SUCCEEDED");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isEqualTo(1);
        assertThat(account(v).debt()).isEqualTo(Money.ZERO);
    }

    @Test
    void aGatewayTimeoutLeavesTheAttemptUnknownBlocksANewChargeAndIsSettledLater() {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "75.00");
        Started started = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        String token = fake.tokenOf(started.attemptId());

        fake.retrieveDelayMs = 3_000; // beyond the adapter's 2 s
        Settlement s = card.settle(token, DeliveryChannel.CALLBACK, started.reference(), null);

        assertThat(s.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", started.attemptId())).isEqualTo("UNKNOWN");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isZero();
        assertThatThrownBy(() -> card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("card.error.pending");

        fake.retrieveDelayMs = 0;
        card.reconcile("node-a");

        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", started.attemptId()))
                .isEqualTo("SUCCEEDED");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isEqualTo(1);
    }

    @Test
    void anInitializeTimeoutIsUnknownNeverFailedAndExpiresAfterTheTokenLifetime() {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "75.00");
        fake.initializeDelayMs = 3_000;

        assertThatThrownBy(() -> card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("card.error.gatewayUnavailable");
        fake.initializeDelayMs = 0;
        assertThat(string("SELECT status FROM payment_attempt WHERE subscriber_id = ?", v.subscriberId))
                .isEqualTo("UNKNOWN");
        assertThatThrownBy(() -> card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1")))
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("card.error.pending");

        card.reconcile("node-a");
        assertThat(string("SELECT status FROM payment_attempt WHERE subscriber_id = ?", v.subscriberId))
                .as("within the token lifetime it stays unknown").isEqualTo("UNKNOWN");

        clock.advance(Duration.ofSeconds(1801));
        CardTestDatabase.update("UPDATE job_lease SET expires_at = '2000-01-01' WHERE name = ?", CardPayments.LEASE);
        card.reconcile("node-a");

        assertThat(string("SELECT status FROM payment_attempt WHERE subscriber_id = ?", v.subscriberId))
                .isEqualTo("EXPIRED");
        Started again = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        assertThat(again.resumed()).isFalse();
    }

    @Test
    void anOpenAttemptThatTheGatewayNeverCompletedExpiresAfterItsLifetime() {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "20.00");
        Started started = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        fake.answers.put(fake.tokenOf(started.attemptId()), FakeIyzico.Answer.PENDING);

        card.reconcile("node-a");
        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", started.attemptId())).isEqualTo("OPEN");

        clock.advance(Duration.ofSeconds(1801));
        CardTestDatabase.update("UPDATE job_lease SET expires_at = '2000-01-01' WHERE name = ?", CardPayments.LEASE);
        card.reconcile("node-a");
        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", started.attemptId())).isEqualTo("EXPIRED");
        assertThat(account(v).debt()).isEqualTo(Money.of("20.00"));
    }

    @Test
    void twoReconcilersAtOnceOnlyOneWorks() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Reconciliation> a = two.submit(() -> {
                go.await();
                return card.reconcile("node-a");
            });
            Future<Reconciliation> b = two.submit(() -> {
                go.await();
                return card.reconcile("node-b");
            });
            go.countDown();
            assertThat(List.of(a.get().ran(), b.get().ran())).containsExactlyInAnyOrder(true, false);
        } finally {
            two.shutdownNow();
        }
        assertThat(card.reconcile("node-c").ran()).as("the lease is held until it expires").isFalse();
    }

    // ---------------------------------------------------------------- refused deliveries

    @Test
    void aForgedCallbackCarryingAnotherAttemptsTokenIsRejectedAndLogged() {
        Village a = Village.create();
        a.bill(ledger.today().plusDays(5), "30.00");
        Village b = Village.create();
        b.bill(ledger.today().plusDays(5), "31.00");
        Started attemptA = card.start(new StartCommand(a.id, a.subscriberNo, List.of(), "10.0.0.1"));
        Started attemptB = card.start(new StartCommand(b.id, b.subscriberNo, List.of(), "10.0.0.2"));
        String tokenOfB = fake.tokenOf(attemptB.attemptId());

        // the callback URL names attempt A (its reference) but carries B's token
        Settlement forged = card.settle(tokenOfB, DeliveryChannel.CALLBACK, attemptA.reference(), "6.6.6.6");
        Settlement unknown = card.settle("tok-made-up", DeliveryChannel.CALLBACK, attemptA.reference(), "6.6.6.6");

        assertThat(forged.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(unknown.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(count("SELECT COUNT(*) FROM payment_incident WHERE kind = 'FORGED_TOKEN' AND attempt_id = ?"
                + " AND client_ip = '6.6.6.6'", attemptA.attemptId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM payment_incident WHERE kind = 'UNKNOWN_TOKEN'"
                + " AND token = 'tok-made-up'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id IN (?, ?)", a.subscriberId,
                b.subscriberId)).isZero();
        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", attemptA.attemptId())).isEqualTo("OPEN");
        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", attemptB.attemptId())).isEqualTo("OPEN");

        // once B is paid, this node answers B's token from memory; the same forgery is still refused and logged
        Settlement paid = card.settle(tokenOfB, DeliveryChannel.CALLBACK, attemptB.reference(), "10.0.0.2");
        assertThat(paid.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(card.settle(tokenOfB, DeliveryChannel.WEBHOOK, null, null)).isEqualTo(paid);
        assertThat(card.settle(tokenOfB, DeliveryChannel.CALLBACK, attemptA.reference(), "6.6.6.6").outcome())
                .isEqualTo(Outcome.REJECTED);
        assertThat(count("SELECT COUNT(*) FROM payment_incident WHERE kind = 'FORGED_TOKEN' AND attempt_id = ?"
                + " AND client_ip = '6.6.6.6'", attemptA.attemptId())).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", b.subscriberId)).isEqualTo(1);
    }

    @Test
    void anAmountOrCurrencyMismatchIsRejectedLoggedAndLeftForStaff() {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "40.00");
        Money before = account(v).debt();
        Started started = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        String token = fake.tokenOf(started.attemptId());
        fake.answers.put(token, FakeIyzico.Answer.WRONG_AMOUNT);

        Settlement s = card.settle(token, DeliveryChannel.CALLBACK, started.reference(), null);

        assertThat(s.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(string("SELECT CONCAT(status, ' ', needs_review) FROM payment_attempt WHERE id = ?",
                started.attemptId())).isEqualTo("REJECTED 1");
        assertThat(string("SELECT detail FROM payment_incident WHERE kind = 'MISMATCH' AND attempt_id = ?",
                started.attemptId())).contains("paidPrice 3900 != 4000");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isZero();
        assertThat(account(v).debt()).isEqualTo(before);

        // a later SUCCESS delivery of the same token does not turn it into a payment either
        fake.answers.put(token, FakeIyzico.Answer.SUCCESS);
        assertThat(card.settle(token, DeliveryChannel.WEBHOOK, null, null).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isZero();

        Village w = Village.create();
        w.bill(ledger.today().plusDays(5), "40.00");
        Started usd = card.start(new StartCommand(w.id, w.subscriberNo, List.of(), "10.0.0.1"));
        fake.answers.put(fake.tokenOf(usd.attemptId()), FakeIyzico.Answer.WRONG_CURRENCY);
        assertThat(card.settle(fake.tokenOf(usd.attemptId()), DeliveryChannel.CALLBACK, usd.reference(), null)
                .outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(string("SELECT detail FROM payment_incident WHERE kind = 'MISMATCH' AND attempt_id = ?",
                usd.attemptId())).contains("currency USD");
    }

    /** A delivery's attempt read (no transaction, an EntityManager query) gives what the transactional read does. */
    @Test
    void theAttemptReadWithoutATransactionMatchesTheTransactionalRead() {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "21.50");
        Started started = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        String token = fake.tokenOf(started.attemptId());
        var transactions = new ResourceLocalChunkTransactions(CardTestDatabase.emf());
        for (int step = 0; step < 2; step++) {
            CardAttempt inTransaction = transactions.inTransaction(em -> CardAttemptStore.byToken(em, token))
                    .orElseThrow();
            CardAttempt without = transactions.read(em -> CardAttemptStore.byTokenWithoutTransaction(em, token))
                    .orElseThrow();
            assertThat(without).isEqualTo(inTransaction);
            assertThat(without.tokenExpiresAt()).isNotNull();
            card.settle(token, DeliveryChannel.CALLBACK, started.reference(), null);
        }
        assertThat(transactions.read(em -> CardAttemptStore.byTokenWithoutTransaction(em, token)).orElseThrow()
                .status()).isEqualTo(AttemptStatus.SUCCEEDED);
        Optional<CardAttempt> none = transactions.read(em -> CardAttemptStore.byTokenWithoutTransaction(em,
                "tok-none"));
        assertThat(none).isEmpty();
    }

    /** The callback benchmark's iyzico stand-in (the JDK's HTTPS server) gives the real client the same answers. */
    @Test
    void theBenchmarksLightStubSpeaksTheSameProtocolAsTheTestStub() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (LightIyzicoStub light = FakeIyzico.startForLoad(fake);
             IyzicoPaymentGateway lightGateway = new IyzicoPaymentGateway(new IyzicoSettings(light.baseUrl(),
                     IyzicoStub.API_KEY, IyzicoStub.SECRET_KEY, Duration.ofMillis(2000), Duration.ofMillis(2000)),
                     pool)) {
            CardPayments viaLight = new CardPayments(new ResourceLocalChunkTransactions(CardTestDatabase.emf()),
                    lightGateway, clock, new CardSettings(CALLBACK, Duration.ZERO, CardSettings.IYZICO_TOKEN_LIFETIME,
                    Duration.ofSeconds(60)));
            Village v = Village.create();
            v.bill(ledger.today().plusDays(5), "57.30");
            Started paid = viaLight.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
            Settlement s = viaLight.settle(fake.tokenOf(paid.attemptId()), DeliveryChannel.CALLBACK, paid.reference(),
                    null);
            assertThat(s.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(string("SELECT amount FROM payment WHERE id = ?", s.paymentId())).isEqualTo("57.30");

            Village w = Village.create();
            w.bill(ledger.today().plusDays(5), "12.00");
            Started wrong = viaLight.start(new StartCommand(w.id, w.subscriberNo, List.of(), "10.0.0.1"));
            fake.answers.put(fake.tokenOf(wrong.attemptId()), FakeIyzico.Answer.WRONG_AMOUNT);
            assertThat(viaLight.settle(fake.tokenOf(wrong.attemptId()), DeliveryChannel.CALLBACK, wrong.reference(),
                    null).outcome()).isEqualTo(Outcome.REJECTED);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- exactly once

    /**
     * 50 deliveries of one token at once, spread over 5 nodes (each its own {@link CardPayments}, as each server has
     * one): the database keeps it to one payment across nodes, and on each node the deliveries share one retrieve.
     */
    @Test
    void fiftyConcurrentDeliveriesOfOneTokenRecordOnePayment() throws Exception {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "99.99");
        v.bill(ledger.today().plusDays(35), "0.01");
        Started started = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        String token = fake.tokenOf(started.attemptId());
        DeliveryChannel[] channels = DeliveryChannel.values();
        List<CardPayments> nodes = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            nodes.add(new CardPayments(new ResourceLocalChunkTransactions(CardTestDatabase.emf()), gateway, clock,
                    new CardSettings(CALLBACK, Duration.ZERO, CardSettings.IYZICO_TOKEN_LIFETIME,
                            Duration.ofSeconds(60))));
        }
        // the gateway answers slowly, so that the deliveries of a node find its first one still asking
        fake.retrieveDelayMs = 400;
        int retrievesBefore = fake.retrieves.get();

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Settlement>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                DeliveryChannel channel = channels[i % channels.length];
                CardPayments node = nodes.get(i % nodes.size());
                Callable<Settlement> delivery = () -> {
                    go.await();
                    return node.settle(token, channel, channel == DeliveryChannel.CALLBACK ? started.reference()
                            : null, null);
                };
                futures.add(pool.submit(delivery));
            }
            go.countDown();
            List<Settlement> results = new ArrayList<>();
            for (Future<Settlement> f : futures) {
                results.add(f.get());
            }
            assertThat(results).extracting(Settlement::outcome).containsOnly(Outcome.SUCCEEDED);
            assertThat(results).extracting(Settlement::paymentId).containsOnly(results.get(0).paymentId());
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id"
                + " WHERE p.subscriber_id = ?", v.subscriberId)).isEqualTo(2);
        assertThat(account(v).debt()).isEqualTo(Money.ZERO);
        assertThat(account(v).credit()).isEqualTo(Money.ZERO);
        // at least one retrieve per node that settled; far fewer than one per delivery (a straggler that read the
        // attempt before the first settlement ended may ask again: the database still gives it the same payment)
        assertThat(fake.retrieves.get() - retrievesBefore).as("retrieves for 50 deliveries on 5 nodes")
                .isBetween(1, 10);
    }

    /**
     * Postings take turns ({@link CardSettings#concurrentPostings}): with one turn, 20 payments delivered twice each,
     * all at once, are all recorded exactly once, and no turn is lost (a lost one would leave deliveries waiting).
     */
    @Test
    void withOnePostingAtATimeEveryDeliveryStillSettlesExactlyOnce() throws Exception {
        CardPayments oneAtATime = new CardPayments(new ResourceLocalChunkTransactions(CardTestDatabase.emf()), gateway,
                clock, new CardSettings(CALLBACK, Duration.ZERO, CardSettings.IYZICO_TOKEN_LIFETIME,
                Duration.ofSeconds(60), 1));
        List<Village> villages = new ArrayList<>();
        List<Started> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Village v = Village.create();
            v.bill(ledger.today().plusDays(5), "10.0" + (i % 10));
            villages.add(v);
            attempts.add(oneAtATime.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1")));
        }
        fake.retrieveDelayMs = 20;
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Settlement>> futures = new ArrayList<>();
        try {
            for (Started a : attempts) {
                String token = fake.tokenOf(a.attemptId());
                for (DeliveryChannel channel : List.of(DeliveryChannel.CALLBACK, DeliveryChannel.WEBHOOK)) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return oneAtATime.settle(token, channel,
                                channel == DeliveryChannel.CALLBACK ? a.reference() : null, null);
                    }));
                }
            }
            go.countDown();
            for (Future<Settlement> f : futures) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.SUCCEEDED);
            }
        } finally {
            pool.shutdownNow();
        }
        for (Village v : villages) {
            assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isEqualTo(1);
            assertThat(account(v).debt()).isEqualTo(Money.ZERO);
        }
    }

    /**
     * A card settlement runs under the database's default isolation (REPEATABLE READ) with plain ledger reads: they
     * must not predate the subscriber's row lock. Here a cashier's posting holds that lock and pays the bill; the card
     * settlement of the same bill waits for it, and once the cashier commits it must see the bill paid: the card's
     * money becomes credit, and the bill is paid once, not twice.
     */
    @Test
    void aCardSettlementWaitingForACashiersPostingSeesItsPayment() throws Exception {
        Village v = Village.create();
        long bill = v.bill(ledger.today().plusDays(5), "100.00");
        Started started = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        String token = fake.tokenOf(started.attemptId());

        jakarta.persistence.EntityManager cashier = CardTestDatabase.emf().createEntityManager();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            cashier.getTransaction().begin();
            ledger.service(cashier, v.id).post(new PaymentCommand(v.id, v.subscriberId, Money.of("100.00"),
                    PaymentChannel.CASH, ledger.today(), null, null, "office-" + started.reference()));
            Future<Settlement> settlement = pool.submit(() -> card.settle(token, DeliveryChannel.CALLBACK,
                    started.reference(), null));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // the settlement's connection runs the subscriber's lock while the cashier holds it
            while (count("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE"
                    + " 'SELECT id FROM subscriber WHERE id = % FOR UPDATE'") == 0) {
                assertThat(settlement).isNotDone();
                assertThat(System.nanoTime()).as("the settlement waits for the cashier's lock").isLessThan(deadline);
                Thread.sleep(20);
            }
            cashier.getTransaction().commit();

            assertThat(settlement.get(30, java.util.concurrent.TimeUnit.SECONDS).outcome())
                    .isEqualTo(Outcome.SUCCEEDED);
        } finally {
            if (cashier.getTransaction().isActive()) {
                cashier.getTransaction().rollback();
            }
            cashier.close();
            pool.shutdownNow();
        }
        assertThat(string("SELECT SUM(amount) FROM payment_allocation WHERE bill_id = ? AND kind = 'PRINCIPAL'",
                bill)).isEqualTo("100.00");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isEqualTo(2);
        SubscriberAccount after = account(v);
        assertThat(after.debt()).isEqualTo(Money.ZERO);
        assertThat(after.credit()).isEqualTo(Money.of("100.00"));
    }

    @Test
    void aLateFailureNeverOverwritesSuccess() {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "12.00");
        Started started = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        String token = fake.tokenOf(started.attemptId());
        Settlement paid = card.settle(token, DeliveryChannel.CALLBACK, started.reference(), null);
        assertThat(paid.outcome()).isEqualTo(Outcome.SUCCEEDED);

        fake.answers.put(token, FakeIyzico.Answer.FAILURE);
        Settlement late = card.settle(token, DeliveryChannel.WEBHOOK, null, null);
        boolean changed = new ResourceLocalChunkTransactions(CardTestDatabase.emf()).inTransaction(em ->
                CardAttemptStore.failed(em, started.attemptId(), "late FAILURE", clock.instant()));

        assertThat(late.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(late.paymentId()).isEqualTo(paid.paymentId());
        assertThat(changed).as("the conditional state change refuses SUCCEEDED → FAILED").isFalse();
        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", started.attemptId()))
                .isEqualTo("SUCCEEDED");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isEqualTo(1);
    }

    @Test
    void twoClicksOnPayGiveOneActiveAttempt() throws Exception {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "15.00");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Started> click = () -> {
                go.await();
                return card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
            };
            Future<Started> first = two.submit(click);
            Future<Started> second = two.submit(click);
            go.countDown();
            Started a = first.get();
            Started b = second.get();
            assertThat(a.attemptId()).isEqualTo(b.attemptId());
            assertThat(a.paymentPageUrl()).isEqualTo(b.paymentPageUrl());
            assertThat(List.of(a.resumed(), b.resumed())).containsExactlyInAnyOrder(true, false);
        } finally {
            two.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM payment_attempt WHERE subscriber_id = ?", v.subscriberId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM payment_attempt WHERE active_subscriber_id = ?", v.subscriberId))
                .isEqualTo(1);
    }

    @Test
    void aFailedOrCancelledPaymentLeavesTheDebtUnchanged() {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "66.60");
        SubscriberAccount before = account(v);
        Started started = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        String token = fake.tokenOf(started.attemptId());
        fake.answers.put(token, FakeIyzico.Answer.FAILURE);

        Settlement s = card.settle(token, DeliveryChannel.CALLBACK, started.reference(), null);

        assertThat(s.outcome()).isEqualTo(Outcome.FAILED);
        SubscriberAccount after = account(v);
        assertThat(after.debt()).isEqualTo(before.debt());
        assertThat(after.openBills()).isEqualTo(before.openBills());
        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", started.attemptId())).isEqualTo("FAILED");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isZero();
        Started retry = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        assertThat(retry.attemptId()).as("a new attempt may follow a failed one").isNotEqualTo(started.attemptId());
    }

    // ---------------------------------------------------------------- webhook

    @Test
    void aSignedWebhookSettlesOnceAndABadSignatureChangesNothing() {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "25.00");
        Started started = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        String token = fake.tokenOf(started.attemptId());
        WebhookSignature signature = new WebhookSignature(IyzicoStub.SECRET_KEY);
        IyzicoWebhook webhook = new IyzicoWebhook(signature,
                (t, ip) -> card.settle(t, DeliveryChannel.WEBHOOK, null, ip),
                (kind, t, detail, ip) -> card.refused(kind, DeliveryChannel.WEBHOOK, t, detail, ip));
        String body = """
                {"paymentConversationId":"%s","merchantId":3382172,"token":"%s","status":"SUCCESS",
                 "iyziReferenceCode":"77e1635c","iyziEventType":"CHECKOUT_FORM_AUTH","iyziEventTime":1721825036103,
                 "iyziPaymentId":22483975}""".formatted(started.attemptId(), token);
        String valid = signature.sign(new WebhookSignature.Fields("CHECKOUT_FORM_AUTH", "22483975", token,
                String.valueOf(started.attemptId()), "SUCCESS"));

        assertThat(webhook.handle(body, valid.substring(0, 63) + (valid.charAt(63) == '0' ? '1' : '0'), "6.6.6.6"))
                .isEqualTo(IyzicoWebhook.Reply.FORBIDDEN);
        assertThat(webhook.handle(body, null, "6.6.6.6")).isEqualTo(IyzicoWebhook.Reply.FORBIDDEN);
        assertThat(count("SELECT COUNT(*) FROM payment_incident WHERE kind = 'BAD_SIGNATURE' AND token = ?", token))
                .isEqualTo(2);
        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", started.attemptId())).isEqualTo("OPEN");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isZero();

        assertThat(webhook.handle(body, valid, "85.1.1.1")).isEqualTo(IyzicoWebhook.Reply.OK);
        assertThat(webhook.handle(body, valid, "85.1.1.1")).as("a duplicate").isEqualTo(IyzicoWebhook.Reply.OK);

        assertThat(string("SELECT status FROM payment_attempt WHERE id = ?", started.attemptId()))
                .isEqualTo("SUCCEEDED");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE subscriber_id = ?", v.subscriberId)).isEqualTo(1);
        assertThat(webhook.handle("not json", valid, "6.6.6.6")).isEqualTo(IyzicoWebhook.Reply.BAD_REQUEST);
    }

    // ---------------------------------------------------------------- basket rules

    @Test
    void billsArePaidOldestFirstAndOnlyTheSubscribersOwn() {
        Village v = Village.create();
        long b1 = v.bill(ledger.today().plusDays(5), "10.00");
        long b2 = v.bill(ledger.today().plusDays(35), "11.00");
        Village other = Village.create();
        long foreign = other.bill(ledger.today().plusDays(5), "12.00");
        Village empty = Village.create();

        assertThatThrownBy(() -> card.start(new StartCommand(v.id, v.subscriberNo, List.of(b2), "10.0.0.1")))
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("card.error.oldestFirst");
        assertThatThrownBy(() -> card.start(new StartCommand(v.id, v.subscriberNo, List.of(b1, foreign), "10.0.0.1")))
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("card.error.billNotOpen");
        assertThatThrownBy(() -> card.start(new StartCommand(empty.id, empty.subscriberNo, List.of(), "10.0.0.1")))
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("card.error.nothingToPay");
        assertThat(count("SELECT COUNT(*) FROM payment_attempt WHERE subscriber_id IN (?, ?)", v.subscriberId,
                empty.subscriberId)).isZero();
    }

    // ---------------------------------------------------------------- daily report

    @Test
    void theDailyReportListsGatewaySuccessesWithoutPaymentAndPaymentsWithoutGatewaySuccess() {
        Village v = Village.create();
        v.bill(ledger.today().plusDays(5), "10.00");
        Village w = Village.create();
        w.bill(ledger.today().plusDays(5), "20.00");
        Village x = Village.create();
        x.bill(ledger.today().plusDays(5), "30.00");
        Started lost = card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.0.0.1"));
        Started settled = card.start(new StartCommand(w.id, w.subscriberNo, List.of(), "10.0.0.1"));
        card.settle(fake.tokenOf(settled.attemptId()), DeliveryChannel.CALLBACK, settled.reference(), null);
        long stray = new ResourceLocalChunkTransactions(CardTestDatabase.emf()).inTransaction(em ->
                ledger.post(em, new PaymentCommand(x.id, x.subscriberId, Money.of("30.00"), PaymentChannel.CARD,
                        ledger.today(), "no-such-gateway-payment", null, "stray-" + x.id)).getId());

        List<ReportRow> rows = card.report(ledger.today(), TenantScope.of(List.of(v.id, w.id, x.id)));

        assertThat(rows).extracting(r -> r.kind() + " " + r.institutionId() + " " + r.amountKurus())
                .containsExactlyInAnyOrder(
                        Discrepancy.GATEWAY_SUCCESS_WITHOUT_PAYMENT + " " + v.id + " 1000",
                        Discrepancy.PAYMENT_WITHOUT_GATEWAY_SUCCESS + " " + x.id + " 3000");
        assertThat(rows).filteredOn(r -> r.kind() == Discrepancy.GATEWAY_SUCCESS_WITHOUT_PAYMENT)
                .extracting(ReportRow::reference).containsExactly(lost.reference());
        assertThat(rows).filteredOn(r -> r.kind() == Discrepancy.PAYMENT_WITHOUT_GATEWAY_SUCCESS)
                .extracting(ReportRow::paymentId).containsExactly(stray);
        assertThat(card.report(ledger.today(), TenantScope.of(w.id))).as("tenant-scoped").isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private SubscriberAccount account(Village v) {
        return new ResourceLocalChunkTransactions(CardTestDatabase.emf())
                .inTransaction(em -> ledger.account(em, v.id, v.subscriberNo));
    }

    /** A clock the test moves forward (token lifetime, expiry). */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
